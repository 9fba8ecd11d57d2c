import { describe, expect, it } from 'vitest';
import { dtmfDigitOf } from './labControl';
import { LAB_USERS, findLabUser, labSkipReason } from './labConstants';

describe('lab constants and mappings', () => {
  it('maps RFC 4733 event codes to keys', () => {
    expect([0, 9, 10, 11, 12, 15].map(dtmfDigitOf).join('')).toBe('09*#AD');
    expect(dtmfDigitOf(16)).toBe('?');
  });

  it('knows the fixed lab users and their lab-only passwords', () => {
    expect(LAB_USERS.map((user) => user.user)).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '2001',
      '2002',
      '2003',
      '2004',
    ]);
    expect(findLabUser('2003')).toMatchObject({ password: 'lab2003', role: 'staff' });
    expect(() => findLabUser('9999')).toThrow(/not a lab user/);
  });

  it('explains how to get a lab when there is none', () => {
    const previous = process.env.EMPFANG_LAB;
    delete process.env.EMPFANG_LAB;
    expect(labSkipReason()).toMatch(/run-isolated\.sh/);
    process.env.EMPFANG_LAB = '1';
    expect(labSkipReason()).toBeUndefined();
    if (previous === undefined) delete process.env.EMPFANG_LAB;
    else process.env.EMPFANG_LAB = previous;
  });
});
