import { describe, expect, it } from 'vitest';
import { comparisonLines, compareRetrievers } from './retrievalComparison';
import { topOne } from './suggestionAccuracy';

describe('retrieval: hand-written index against search libraries', () => {
  it('runs every library in the same pipeline, and the kept index is at least as accurate on every set', () => {
    const rows = compareRetrievers();
    for (const line of comparisonLines(rows)) console.log(line);
    const [builtIn, ...others] = rows;
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const other of others) {
      builtIn!.reports.forEach((report, index) => {
        expect(topOne(report), `${other.method}, set ${index}`).toBeGreaterThanOrEqual(
          topOne(other.reports[index]!),
        );
      });
    }
    // Several hundred index builds and a few thousand queries on a shared 2-core machine.
  }, 120_000);
});
