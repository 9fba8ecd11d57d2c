/**
 * Computes SIP digest HA1 values from the stored SIP password (see the contract's
 * `sipAuthService`): the password never leaves the host, only `MD5(user:realm:password)`.
 */
import { createHash } from 'node:crypto';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { noEvents } from '../../../shared/contract/serviceEvents';
import type { DigestKey, sipAuthService } from '../../../shared/contract/services/sipAuthService';
import type { SettingsHost } from '../settings/settingsService';

/** The digest user name SIP.js uses: the authorization user, else the user of the SIP URI. */
export function digestUsername(authorizationUser: string, sipUri: string): string {
  if (authorizationUser.trim() !== '') return authorizationUser.trim();
  const match = /^sips?:([^@]+)@/.exec(sipUri.trim());
  return match ? decodeURIComponent(match[1]!) : '';
}

export function computeHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`, 'utf8').digest('hex');
}

export function createSipAuthService(
  settings: Pick<SettingsHost, 'current' | 'readSecret'>,
): ServiceImplementation<typeof sipAuthService> {
  return {
    events: noEvents(),
    methods: {
      digestKey: async (realm): Promise<DigestKey | null> => {
        const password = await settings.readSecret('sipPassword');
        if (password === undefined || password === '') return null;
        const { authorizationUser, uri } = settings.current().sip;
        const username = digestUsername(authorizationUser, uri);
        if (username === '') return null;
        return { username, realm, ha1: computeHa1(username, realm, password) };
      },
    },
  };
}
