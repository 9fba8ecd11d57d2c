/**
 * Digest credentials for SIP.js without the password (see the contract's `sipAuthService`):
 * HA1 values per realm, fetched from the host. SIP.js asks for credentials synchronously while
 * handling a 401/407, so keys are fetched ahead (the realm seen last time, the SIP domain) and a
 * challenge for an unknown realm is remembered, so the registration can fetch it and retry once.
 */
import { Core } from 'sip.js';
import type { DigestKey } from '../../../../shared/contract/services/sipAuthService';

/** Where the last challenged realm is remembered; a realm is no personal data. */
const REALM_STORAGE_KEY = 'empfang.sip.lastRealm';

export type DigestKeySource = (realm: string) => Promise<DigestKey | null>;

interface Challenge {
  realm?: string;
}

export class DigestKeyring {
  private readonly keys = new Map<string, DigestKey>();
  /** The last realm a challenge asked for that we had no key for. */
  missingRealm: string | undefined;
  /** True when the host said no password is set. */
  passwordMissing = false;

  constructor(
    private readonly source: DigestKeySource,
    private readonly loggerFactory: Core.LoggerFactory,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  ) {}

  /** Fetches keys for the remembered realm and the given fallbacks (e.g. the SIP domain). */
  async prefetch(fallbackRealms: readonly string[]): Promise<void> {
    const remembered = this.storage?.getItem(REALM_STORAGE_KEY) ?? undefined;
    const realms = [...new Set([remembered, ...fallbackRealms].filter(Boolean) as string[])];
    await Promise.all(realms.map((realm) => this.fetch(realm)));
  }

  /** Fetches the key for `realm`; false when the host has no password. */
  async fetch(realm: string): Promise<boolean> {
    if (this.keys.has(realm)) return true;
    const key = await this.source(realm);
    if (!key) {
      this.passwordMissing = true;
      return false;
    }
    this.passwordMissing = false;
    this.keys.set(realm, key);
    return true;
  }

  has(realm: string): boolean {
    return this.keys.has(realm);
  }

  /** Forgets every key (credentials changed in the settings). */
  clear(): void {
    this.keys.clear();
    this.missingRealm = undefined;
    this.passwordMissing = false;
  }

  /** The object SIP.js's `authenticationFactory` must return. */
  createCredentials(): Core.DigestAuthentication {
    let inner: Core.DigestAuthentication | undefined;
    const credentials = {
      stale: undefined,
      authenticate: (request: Core.OutgoingRequestMessage, challenge: Challenge, body?: string) => {
        const realm = challenge.realm ?? '';
        const key = this.keys.get(realm);
        if (!key) {
          this.missingRealm = realm;
          return false;
        }
        this.storage?.setItem(REALM_STORAGE_KEY, realm);
        inner = new Core.DigestAuthentication(this.loggerFactory, key.ha1, key.username, undefined);
        return inner.authenticate(request, challenge, body);
      },
      toString: () => inner?.toString() ?? '',
    };
    return credentials as unknown as Core.DigestAuthentication;
  }
}
