/**
 * Options of one portal instance, as `startPortal()` and the CLI take them. Only `database` and
 * `tokenSecret` are required; everything else has a default fit for a single desk or the lab.
 */
import type { LoginRateLimitOptions } from './auth/loginRateLimiter';
import type { ScryptCost } from './auth/passwordHashing';
import type { HybridSettings } from './hybrid/hybridSettings';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465). Otherwise STARTTLS when `requireTls`. */
  readonly secure?: boolean;
  /** Refuse to send unless STARTTLS succeeds; set in every production configuration. */
  readonly requireTls?: boolean;
  readonly user?: string;
  readonly password?: string;
  /** Sender address, e.g. "Empfang <notizen@example.de>". */
  readonly from: string;
}

export interface DeliverySettings {
  /** Off in tests that do not look at delivery. */
  readonly enabled: boolean;
  readonly pollIntervalMilliseconds: number;
  /** Backoff: full jitter over min(cap, base · 2^attempt). */
  readonly baseDelayMilliseconds: number;
  readonly capDelayMilliseconds: number;
  /** After this many failed attempts a delivery is `failed` (dead letter, retry by hand). */
  readonly maxAttempts: number;
  /** How long a worker may hold a claimed delivery before another may take it over. */
  readonly leaseMilliseconds: number;
}

export interface PortalOptions {
  /** SQLite file path (or `:memory:`) or a `postgres://` URL. */
  readonly database: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** HMAC secret for access tokens; at least 32 characters. */
  readonly tokenSecret: string;
  readonly smtp?: SmtpSettings;
  /** URL of the SMS gateway (see README, "SMS gateway interface"). */
  readonly smsGatewayUrl?: string;
  /** Sent as `Authorization: Bearer …` to the SMS gateway when set. */
  readonly smsGatewayToken?: string;
  readonly accessTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
  readonly delivery?: Partial<DeliverySettings>;
  readonly loginRateLimit?: Partial<LoginRateLimitOptions>;
  readonly passwordCost?: ScryptCost;
  /** Pino level for the request log; `silent` by default when embedded. */
  readonly logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Where the log lines go (default stdout); the privacy specs collect them to search them. */
  readonly logStream?: { write(line: string): void };
  /** Clock in milliseconds; injected by tests of token expiry. */
  readonly now?: () => number;
  /** PostgreSQL pool size. */
  readonly poolSize?: number;
  /** Routing API, bot API, queue and offers (docs/hybrid.md). */
  readonly hybrid?: Partial<HybridSettings>;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  enabled: true,
  pollIntervalMilliseconds: 2_000,
  baseDelayMilliseconds: 5_000,
  capDelayMilliseconds: 15 * 60_000,
  maxAttempts: 12,
  leaseMilliseconds: 60_000,
};

export const DEFAULT_ACCESS_TOKEN_SECONDS = 15 * 60;
/** A desk session survives restarts for a week of inactivity; each refresh rotates the token. */
export const DEFAULT_REFRESH_TOKEN_SECONDS = 7 * 24 * 3600;
/** A session ends after 30 days even if refreshed; the user logs in again. */
export const MAXIMUM_SESSION_SECONDS = 30 * 24 * 3600;
