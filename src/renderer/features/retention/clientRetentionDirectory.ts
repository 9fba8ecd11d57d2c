/**
 * The retention policy of a client, looked up at the portal by dialled line or by client id and
 * cached in memory for a while (policies change rarely). A failed lookup is not cached.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { ClientRetention } from './retentionPolicy';

/** How long a looked-up policy is used before it is asked for again. */
const POLICY_CACHE_MILLISECONDS = 5 * 60_000;

/**
 * - `client`: the line belongs to a client; its policy applies;
 * - `none`: there is no dialled line (internal, outgoing): the 30-day ceiling;
 * - `unavailable`: the policy cannot be known now (portal unreachable, or a line this user
 *   cannot see: the portal answers a line of a client the user is not assigned to exactly like a
 *   line no client owns, so either may belong to a professional-secrecy client): callers must
 *   assume the strictest handling.
 */
export type RetentionLookup =
  | { readonly kind: 'client'; readonly client: ClientRetention }
  | { readonly kind: 'none' }
  | { readonly kind: 'unavailable' };

export class ClientRetentionDirectory {
  private readonly byLineCache = new Map<string, { at: number; lookup: RetentionLookup }>();
  private readonly byIdCache = new Map<string, { at: number; client: ClientRetention }>();

  constructor(
    private readonly client: Pick<AppClient, 'portal'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The policy for a dialled client line; `none` when there is no line. */
  async forLine(line: string | undefined | null): Promise<RetentionLookup> {
    if (!line) return { kind: 'none' };
    const cached = this.byLineCache.get(line);
    if (cached && this.now() - cached.at < POLICY_CACHE_MILLISECONDS) return cached.lookup;
    let lookup: RetentionLookup;
    try {
      const result = await this.client.portal.clientByLine(line);
      if (!result.ok) return { kind: 'unavailable' };
      const value = result.value;
      if (value.kind === 'found') {
        lookup = {
          kind: 'client',
          client: { clientId: value.profile.id, policy: value.profile.retention },
        };
      } else {
        return { kind: 'unavailable' };
      }
    } catch {
      return { kind: 'unavailable' };
    }
    this.byLineCache.set(line, { at: this.now(), lookup });
    return lookup;
  }

  /** The policy of a client by id; undefined while it cannot be looked up. */
  async forClient(clientId: string): Promise<ClientRetention | undefined> {
    const cached = this.byIdCache.get(clientId);
    if (cached && this.now() - cached.at < POLICY_CACHE_MILLISECONDS) return cached.client;
    try {
      const result = await this.client.portal.clientById(clientId);
      if (!result.ok) return undefined;
      const client = { clientId, policy: result.value.retention };
      this.byIdCache.set(clientId, { at: this.now(), client });
      return client;
    } catch {
      return undefined;
    }
  }
}
