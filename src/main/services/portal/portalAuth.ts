/**
 * The portal session, held only in the host: the access token in memory, the refresh token and
 * the user's profile in the SecretStore (`portalRefreshToken`), so the session survives a
 * restart (refreshed on start). The renderer never sees a token.
 *
 * MUST refresh at most once at a time: the portal rotates refresh tokens and treats a reused one
 * as stolen (it revokes the whole session), so two parallel refreshes would log the agent out.
 * While the portal is unreachable a stored session stays logged in (offline): notes can still be
 * written and queue up; they are sent once the session refreshes.
 */
import { PortalUserSchema, type PortalUser } from '../../../shared/contract/services/portalService';
import type { SecretStore } from '../secrets/secretStore';
import { PortalUnreachableError, type PortalFetch, type PortalRequest } from './portalHttpClient';

/** What a login attempt came to, before it is turned into contract data. */
export type AuthLoginOutcome =
  | { kind: 'ok' }
  | { kind: 'invalid' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'unreachable' };

/** Thrown by {@link PortalAuth.request} when there is no usable session. */
export class NotLoggedInError extends Error {
  constructor() {
    super('Not logged in to the portal');
    this.name = 'NotLoggedInError';
  }
}

export type SessionEndReason = 'logout' | 'expired' | 'revoked';

export interface PortalAuthOptions {
  readonly fetch: PortalFetch;
  readonly secrets: SecretStore;
  /** Which portal the stored session belongs to (`embedded` or the URL). */
  readonly portalIdentity: string;
  /** Called after every change of the logged-in user. */
  readonly onChange: () => void;
  readonly now?: () => number;
}

const SECRET_NAME = 'portalRefreshToken' as const;
/** Refresh this long before the access token expires, so no request is sent with a dead one. */
const REFRESH_MARGIN_MILLISECONDS = 60_000;

interface StoredSession {
  portalIdentity: string;
  refreshToken: string;
  user: PortalUser;
}

interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: unknown;
}

export class PortalAuth {
  user: PortalUser | null = null;
  endedReason: SessionEndReason | null = null;
  private accessToken: { token: string; expiresAt: number } | undefined;
  private refreshToken: string | undefined;
  private refreshing: Promise<'ok' | 'ended' | 'unreachable'> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: PortalAuthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Loads a stored session of this portal and refreshes it (tolerates an unreachable portal). */
  async restore(): Promise<void> {
    const stored = await this.readStored();
    if (!stored) return;
    this.user = stored.user;
    this.refreshToken = stored.refreshToken;
    this.options.onChange();
    await this.refresh().catch(() => undefined);
  }

  async login(userName: string, password: string): Promise<AuthLoginOutcome> {
    let response;
    try {
      response = await this.options.fetch({
        method: 'POST',
        path: '/auth/login',
        body: { userName, password },
      });
    } catch (error) {
      if (error instanceof PortalUnreachableError) return { kind: 'unreachable' };
      throw error;
    }
    if (response.status === 429) {
      return { kind: 'rate-limited', retryAfterSeconds: response.retryAfterSeconds ?? 60 };
    }
    if (response.status !== 200) return { kind: 'invalid' };
    await this.accept(response.body as TokenPair);
    this.endedReason = null;
    this.options.onChange();
    return { kind: 'ok' };
  }

  /** Revokes the session at the portal (best effort) and forgets it here. */
  async logout(): Promise<void> {
    const accessToken = this.accessToken?.token;
    const refreshToken = this.refreshToken;
    if (accessToken) {
      await this.options
        .fetch({
          method: 'POST',
          path: '/auth/logout',
          accessToken,
          body: refreshToken ? { refreshToken } : {},
        })
        .catch(() => undefined);
    }
    await this.end('logout');
  }

  /** Sends a request with a valid access token; refreshes once on 401. */
  async request(request: Omit<PortalRequest, 'accessToken'>) {
    const token = await this.validAccessToken();
    const response = await this.options.fetch({ ...request, accessToken: token });
    if (response.status !== 401) return response;
    this.accessToken = undefined;
    const retried = await this.options.fetch({
      ...request,
      accessToken: await this.validAccessToken(),
    });
    if (retried.status === 401) {
      await this.end('revoked');
      throw new NotLoggedInError();
    }
    return retried;
  }

  /** A valid access token (refreshed when close to expiry); for the event socket. */
  async validAccessToken(): Promise<string> {
    if (!this.user) throw new NotLoggedInError();
    const current = this.accessToken;
    if (current && current.expiresAt - this.now() > REFRESH_MARGIN_MILLISECONDS) {
      return current.token;
    }
    const outcome = await this.refresh();
    if (outcome === 'unreachable') throw new PortalUnreachableError('network');
    if (outcome === 'ended' || !this.accessToken) throw new NotLoggedInError();
    return this.accessToken.token;
  }

  /** Milliseconds until the access token should be renewed, or undefined without one. */
  accessTokenRenewalDelay(): number | undefined {
    if (!this.accessToken) return undefined;
    return Math.max(0, this.accessToken.expiresAt - this.now() - REFRESH_MARGIN_MILLISECONDS);
  }

  /** Trades the refresh token for a new pair; one at a time (rotation, see file comment). */
  refresh(): Promise<'ok' | 'ended' | 'unreachable'> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<'ok' | 'ended' | 'unreachable'> {
    const refreshToken = this.refreshToken;
    if (!refreshToken || !this.user) return 'ended';
    let response;
    try {
      response = await this.options.fetch({
        method: 'POST',
        path: '/auth/refresh',
        body: { refreshToken },
      });
    } catch (error) {
      if (error instanceof PortalUnreachableError) return 'unreachable';
      throw error;
    }
    if (response.status === 200) {
      await this.accept(response.body as TokenPair);
      this.options.onChange();
      return 'ok';
    }
    if (response.status === 401 || response.status === 400) {
      await this.end('expired');
      return 'ended';
    }
    // 429/5xx: the portal is there but busy; keep the session and try again later.
    return 'unreachable';
  }

  private async accept(pair: TokenPair): Promise<void> {
    const user = PortalUserSchema.parse(pair.user);
    this.user = user;
    this.refreshToken = pair.refreshToken;
    this.accessToken = {
      token: pair.accessToken,
      expiresAt: Date.parse(pair.accessTokenExpiresAt),
    };
    const stored: StoredSession = {
      portalIdentity: this.options.portalIdentity,
      refreshToken: pair.refreshToken,
      user,
    };
    await this.options.secrets.set(SECRET_NAME, JSON.stringify(stored));
  }

  private async end(reason: SessionEndReason): Promise<void> {
    const hadSession = this.user !== null;
    this.user = null;
    this.accessToken = undefined;
    this.refreshToken = undefined;
    this.endedReason = reason;
    await this.options.secrets.set(SECRET_NAME, null);
    if (hadSession) this.options.onChange();
  }

  private async readStored(): Promise<StoredSession | undefined> {
    const text = await this.options.secrets.get(SECRET_NAME);
    if (!text) return undefined;
    try {
      const parsed = JSON.parse(text) as Partial<StoredSession>;
      const user = PortalUserSchema.safeParse(parsed.user);
      if (
        parsed.portalIdentity !== this.options.portalIdentity ||
        typeof parsed.refreshToken !== 'string' ||
        !user.success
      ) {
        // A session of another portal (the URL changed) is useless here and must not linger.
        await this.options.secrets.set(SECRET_NAME, null);
        return undefined;
      }
      return {
        portalIdentity: parsed.portalIdentity,
        refreshToken: parsed.refreshToken,
        user: user.data,
      };
    } catch {
      await this.options.secrets.set(SECRET_NAME, null);
      return undefined;
    }
  }
}
