/**
 * Hostile input for fuzz tests of the contract and the portal's HTTP routes: wrong types, huge
 * and control-character strings, deep nesting, prototype keys, binary, non-finite numbers.
 * Seeded, so a failing run can be replayed. Test support only: nothing in the app imports it.
 */
/** Deterministic, so a failure can be replayed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  '\u0000\u0001\u001b[31m',
  '<img src=x onerror=alert(1)>',
  '\u202eevil',
  '../../etc/passwd',
  '+49 30 1234567',
  'sip:1001@127.0.0.1',
  '2026-13-45T25:61:00Z',
  '😀'.repeat(1_000),
  'NaN',
];
const HOSTILE_NUMBERS = [0, -1, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53 + 1, -0, 1e308];

export function hostileValue(random: () => number, depth = 0): unknown {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const choice = Math.floor(random() * (depth > 3 ? 6 : 10));
  switch (choice) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return random() < 0.5;
    case 3:
      return pick(HOSTILE_NUMBERS);
    case 4:
      return pick(HOSTILE_STRINGS);
    case 5:
      return new Uint8Array(Math.floor(random() * 64));
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () =>
        hostileValue(random, depth + 1),
      );
    case 7: {
      // Keys a parser might trip over, built the way a wire decoder builds them.
      const object = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<
        string,
        unknown
      >;
      object[pick(['id', 'line', 'userName', 'password', 'limit', 'note', 'call'])] = hostileValue(
        random,
        depth + 1,
      );
      return object;
    }
    case 8: {
      let nested: unknown = pick(HOSTILE_STRINGS);
      for (let level = 0; level < 200; level += 1) nested = { nested };
      return nested;
    }
    default:
      return new Date(Number.NaN);
  }
}

/** A random argument list (callers skip the ones their schema happens to accept). */
export function hostileArguments(random: () => number): unknown[] {
  const length = Math.floor(random() * 4);
  return Array.from({ length }, () => hostileValue(random));
}
