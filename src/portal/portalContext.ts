/**
 * Everything a route or worker needs, built once per portal by `startPortal()` and passed
 * explicitly (no module-level singletons).
 */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from './database/createDatabase';
import type { PortalDatabase } from './database/databaseSchema';
import type { EventHub } from './events/eventHub';
import type { LoginRateLimiter } from './auth/loginRateLimiter';
import type { ScryptCost } from './auth/passwordHashing';
import type { DeliverySettings, SmtpSettings } from './portalOptions';
import type { HybridSettings } from './hybrid/hybridSettings';
import type { OfferEngine } from './hybrid/offerEngine';
import type { BotCallContent } from './hybrid/botCallContent';
import type { BotCommandLog } from './hybrid/botCommands';
import type { AgentConnections } from './hybrid/agentConnections';
import type { HumanTranscripts } from './supervision/humanTranscripts';

export interface PortalContext {
  readonly database: Kysely<PortalDatabase>;
  readonly databaseKind: DatabaseKind;
  readonly events: EventHub;
  readonly loginRateLimiter: LoginRateLimiter;
  readonly tokenSecret: string;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  readonly passwordCost: ScryptCost;
  readonly delivery: DeliverySettings;
  readonly smtp: SmtpSettings | undefined;
  readonly smsGatewayUrl: string | undefined;
  readonly smsGatewayToken: string | undefined;
  readonly hybrid: HybridSettings;
  /** The queue and offer engine (docs/hybrid.md). */
  readonly offers: OfferEngine;
  /** Bot transcripts and collected fields (in memory for RAM-only clients). */
  readonly botContent: BotCallContent;
  /** Which command each bot call last got (bot API long poll). */
  readonly botCommands: BotCommandLog;
  /** Open `/events` sockets per user: the last one closing makes an agent offline. */
  readonly agentConnections: AgentConnections;
  /** The human part of live calls' transcripts, for the supervisor's view (memory only). */
  readonly humanTranscripts: HumanTranscripts;
  now(): number;
  /** Wakes the delivery worker after a note arrived, so delivery does not wait for a poll. */
  nudgeDelivery(): void;
}

/** The context clock as UTC ISO text, the form every timestamp column stores. */
export function nowIso(context: Pick<PortalContext, 'now'>): string {
  return new Date(context.now()).toISOString();
}
