import { describe, expect, it } from 'vitest';
import {
  countryCodeOf,
  displayPhoneNumber,
  formatForDisplay,
  parsePhoneNumber,
  toE164,
} from './phoneNumber';

describe('parsePhoneNumber', () => {
  it.each([
    ['+49 30 1234567', '+49301234567'],
    ['+49 (0)30 1234567', '+49301234567'],
    ['+49(0)30-1234567', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
    ['030 / 123 45 67', '+49301234567'],
    ['030-1234567', '+49301234567'],
    ['(030) 1234567', '+49301234567'],
    ['0151 12345678', '+4915112345678'],
    ['0151.1234.5678', '+4915112345678'],
    ['tel:+4930123456', '+4930123456'],
    ['TEL:+4930123456', '+4930123456'],
    ['+44 20 7946 0958', '+442079460958'],
    ['001 212 555 0100', '+12125550100'],
    ['\u00a0+43 1 5551234 ', '+4315551234'],
  ])('parses %j as %s', (input, e164) => {
    expect(parsePhoneNumber(input)).toEqual({ kind: 'e164', e164 });
    expect(toE164(input)).toBe(e164);
  });

  it.each([
    ['1002', '1002'],
    ['2001', '2001'],
    ['110', '110'],
    ['12 34', '1234'],
  ])('treats %j as extension %s', (input, digits) => {
    expect(parsePhoneNumber(input)).toEqual({ kind: 'extension', digits });
    expect(toE164(input)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-/.', 'empty'],
    ['abc', 'characters'],
    ['030 12345 ext 12', 'characters'],
    ['<script>alert(1)</script>', 'characters'],
    ['+49 30 123\u202e456', 'characters'],
    ['+49 30 *31#', 'format'],
    ['1234567', 'format'],
    ['+0301234567', 'format'],
    ['0000301234', 'format'],
    ['+49123', 'too-short'],
    ['012', 'too-short'],
    ['+491234567890123456', 'too-long'],
    ['9'.repeat(65), 'too-long'],
    ['++4930123456', 'characters'],
  ])('rejects %j (%s)', (input, reason) => {
    expect(parsePhoneNumber(input)).toEqual({ kind: 'invalid', reason });
  });

  it('uses another home country for national input when asked', () => {
    expect(parsePhoneNumber('01 5551234', '43')).toEqual({ kind: 'e164', e164: '+4315551234' });
  });
});

describe('formatForDisplay', () => {
  it.each([
    ['+49301234567', '030 1234567'],
    ['+4915112345678', '0151 12345678'],
    ['+4917612345678', '0176 12345678'],
    ['+49221123456', '0221 123456'],
    ['+49891234567', '089 1234567'],
    ['+49385123456', '0385 123456'],
    ['+4933201123456', '033201123456'],
    ['+442079460958', '+44 2079460958'],
    ['+12125550100', '+1 2125550100'],
    ['+3531234567', '+353 1234567'],
    ['+79161234567', '+7 9161234567'],
  ])('formats %s as %j', (e164, display) => {
    expect(formatForDisplay(e164)).toBe(display);
  });

  it('returns non-E.164 text unchanged', () => {
    expect(formatForDisplay('1002')).toBe('1002');
    expect(formatForDisplay('+12')).toBe('+12');
  });

  it('finds country code lengths', () => {
    expect(countryCodeOf('+4930123')).toBe('49');
    expect(countryCodeOf('+1212555')).toBe('1');
    expect(countryCodeOf('+3531234')).toBe('353');
  });
});

describe('displayPhoneNumber', () => {
  it('shows extensions as digits and hides garbage', () => {
    expect(displayPhoneNumber('0049 30 1234567')).toBe('030 1234567');
    expect(displayPhoneNumber('1002')).toBe('1002');
    expect(displayPhoneNumber('anonymous')).toBeUndefined();
  });
});
