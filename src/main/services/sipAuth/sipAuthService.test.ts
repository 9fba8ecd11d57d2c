import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/services/settingsService';
import { computeHa1, createSipAuthService, digestUsername } from './sipAuthService';

function settingsWith(uri: string, authorizationUser: string, password?: string) {
  return {
    current: () => ({
      ...DEFAULT_SETTINGS,
      sip: { ...DEFAULT_SETTINGS.sip, uri, authorizationUser },
    }),
    readSecret: async () => password,
  };
}

describe('sipAuth service', () => {
  it('computes RFC 2617 HA1 (known vector) without returning the password', async () => {
    // RFC 2617 section 3.5: Mufasa / testrealm@host.com / Circle Of Life.
    expect(computeHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life')).toBe(
      '939e7578ed9e3c518a452acee763bce9',
    );
    const service = createSipAuthService(settingsWith('sip:1001@127.0.0.1', '', 'lab1001'));
    const key = await service.methods.digestKey('empfang-lab');
    expect(key).toEqual({
      username: '1001',
      realm: 'empfang-lab',
      ha1: computeHa1('1001', 'empfang-lab', 'lab1001'),
    });
    expect(JSON.stringify(key)).not.toContain('lab1001');
  });

  it('prefers the authorization user and answers null without a password', async () => {
    expect(digestUsername(' agent7 ', 'sip:1001@x')).toBe('agent7');
    expect(digestUsername('', 'sips:anna%2Bdesk@x')).toBe('anna+desk');
    expect(digestUsername('', '')).toBe('');
    const none = createSipAuthService(settingsWith('sip:1001@x', '', undefined));
    expect(await none.methods.digestKey('r')).toBeNull();
  });
});
