/** Median, 95th percentile (nearest rank), minimum and maximum of a non-empty sample. */
export function summarise(values: readonly number[]) {
  const sorted = [...values].sort((left, right) => left - right);
  const rank = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  return {
    count: sorted.length,
    median: rank(0.5),
    p95: rank(0.95),
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}
