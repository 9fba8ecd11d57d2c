import { describe, expect, it } from 'vitest';
import { calledPartyOf, finalStatusOf, infoDigitsOf } from './sippRun';

describe('SIPp event parsing', () => {
  it('reads the final status, including "none" and its absence', () => {
    expect(finalStatusOf(['final-status 488', 'done'])).toBe(488);
    expect(finalStatusOf(['final-status none'])).toBe('none');
    expect(finalStatusOf(['invited'])).toBeUndefined();
  });

  it('collects INFO digits in order and ignores other lines', () => {
    expect(infoDigitsOf(['answered', 'dtmf-info Signal=1', 'dtmf-info Signal= #', 'x'])).toBe('1#');
  });

  it('extracts P-Called-Party-ID from the UAS log', () => {
    const events = ['invited', 'called-party P-Called-Party-ID: <sip:+4930123456@127.0.0.1>'];
    expect(calledPartyOf(events)).toBe('<sip:+4930123456@127.0.0.1>');
    expect(calledPartyOf(['invited', 'called-party '])).toBeUndefined();
  });
});
