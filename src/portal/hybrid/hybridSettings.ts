/**
 * Settings of the hybrid reception (docs/hybrid.md): the SIP proxy's routing secret, the bot
 * instances and their credentials, where the bot is reached, and the queue's timers.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** One voicebot instance: its bearer token and the clients it may report on (all if absent). */
export interface BotInstance {
  readonly id: string;
  readonly token: string;
  readonly clientIds?: readonly string[];
}

export interface HybridSettings {
  /** `Authorization: Bearer <routingSecret>` of the SIP proxy; routing is off without it. */
  readonly routingSecret: string | undefined;
  readonly bots: readonly BotInstance[];
  /** The voicebot's SIP URI; without it no call goes to a bot. */
  readonly botUri: string | undefined;
  /** SIP domain of agents' and handover URIs, e.g. `lab.empfang.test`. */
  readonly sipDomain: string;
  /** Agents rung when a line has no client or nobody else fits (lab: the reception user). */
  readonly fallbackSipUsers: readonly string[];
  readonly ringTimeoutSeconds: number;
  /** An offer goes to the next agent after this (15 s). */
  readonly offerSeconds: number;
  /** Accepted but no handover INVITE answered within this → back to the queue (10 s). */
  readonly connectSeconds: number;
  /** Nobody accepted within this → the bot takes a message. */
  readonly maximumWaitSeconds: number;
  /** How often the offer engine looks at the queue besides being nudged. */
  readonly tickMilliseconds: number;
}

export const DEFAULT_HYBRID_SETTINGS: HybridSettings = {
  routingSecret: undefined,
  bots: [],
  botUri: undefined,
  sipDomain: 'lab.empfang.test',
  fallbackSipUsers: [],
  ringTimeoutSeconds: 20,
  offerSeconds: 15,
  connectSeconds: 10,
  maximumWaitSeconds: 180,
  tickMilliseconds: 250,
};

const BotInstancesSchema = z.array(
  z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    token: z.string().min(32).max(256),
    clientIds: z.array(z.string().min(1).max(64)).optional(),
  }),
);

/** Parses `EMPFANG_PORTAL_BOTS` (a JSON array of `{ id, token, clientIds? }`). */
export function parseBotInstances(json: string | undefined): BotInstance[] {
  if (!json) return [];
  return BotInstancesSchema.parse(JSON.parse(json));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function secretMatches(presented: string | undefined, expected: string): boolean {
  return presented !== undefined && timingSafeEqual(digest(presented), digest(expected));
}

/** The bot instance a bearer token belongs to, or undefined. */
export function botOfToken(
  settings: HybridSettings,
  token: string | undefined,
): BotInstance | undefined {
  return settings.bots.find((bot) => secretMatches(token, bot.token));
}
