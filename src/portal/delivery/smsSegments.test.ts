import { describe, expect, it } from 'vitest';
import { countSmsSegments } from './smsSegments';

describe('countSmsSegments', () => {
  it('counts 160 characters per SMS, at least one', () => {
    expect(countSmsSegments('')).toBe(1);
    expect(countSmsSegments('x'.repeat(160))).toBe(1);
    expect(countSmsSegments('x'.repeat(161))).toBe(2);
    expect(countSmsSegments('x'.repeat(481))).toBe(4);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(countSmsSegments('ü'.repeat(160))).toBe(1);
    expect(countSmsSegments('📞'.repeat(160))).toBe(1);
    expect(countSmsSegments('📞'.repeat(161))).toBe(2);
  });
});
