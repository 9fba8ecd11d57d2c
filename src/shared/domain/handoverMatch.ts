/**
 * Decides whether an incoming INVITE is the handed-over call of an offer this desk accepted
 * (docs/hybrid.md "Desk"). Pure: the softphone asks it with the header value and the tokens the
 * desk holds, and answers by itself only on an exact match.
 *
 * Rules:
 * - MUST match by the token alone, never by guessing (caller, line, timing): an INVITE without
 *   `X-Empfang-Handover`, with a malformed one or with a token this desk never accepted rings
 *   normally;
 * - a token is used once: after a match it is spent (a replayed INVITE rings normally);
 * - an accepted token expires (the portal gives the call back to the queue after 10 s without
 *   a connection), so a very late INVITE rings normally too.
 */
import { HandoverTokenSchema } from '../portalWire/hybridSchemas';

/** The header the proxy adds to the handed-over INVITE. */
export const HANDOVER_HEADER = 'X-Empfang-Handover';

/** How long an accepted token waits for its INVITE (the portal re-queues after 10 s). */
export const HANDOVER_TOKEN_LIFETIME_MS = 30_000;

/** One offer this desk accepted and whose call it now expects. */
export interface AcceptedHandover {
  readonly handoverToken: string;
  /** The portal's call ID (for the transcript and the call card). */
  readonly callId: string;
  /**
   * The client line the caller dialled (E.164), from the offer or bot call the desk accepted.
   * The handed-over INVITE is addressed to `handover.<token>` and need not carry the line, so
   * the desk gives the leg this one (client card, greeting, transcription, note).
   */
  readonly line?: string;
  /** Milliseconds since the epoch when the accept was confirmed. */
  readonly acceptedAt: number;
}

export type HandoverVerdict =
  | { readonly kind: 'answer'; readonly handover: AcceptedHandover }
  | { readonly kind: 'ring'; readonly reason: 'no-token' | 'malformed-token' | 'unknown-token' };

/** Reads a header value into a token, or undefined when absent or malformed. */
export function parseHandoverToken(headerValue: string | undefined): string | undefined {
  const value = headerValue?.trim();
  // Tokens are opaque, SIP-user-safe text (the portal's schema); anything else is refused unread.
  return value && HandoverTokenSchema.safeParse(value).success ? value : undefined;
}

/** Whether the INVITE with `headerValue` is answered by itself, given the accepted handovers. */
export function matchHandover(
  accepted: readonly AcceptedHandover[],
  headerValue: string | undefined,
  now: number,
): HandoverVerdict {
  if (headerValue === undefined || headerValue.trim() === '') {
    return { kind: 'ring', reason: 'no-token' };
  }
  const token = parseHandoverToken(headerValue);
  if (!token) return { kind: 'ring', reason: 'malformed-token' };
  const handover = accepted.find(
    (entry) =>
      entry.handoverToken === token && now - entry.acceptedAt <= HANDOVER_TOKEN_LIFETIME_MS,
  );
  return handover ? { kind: 'answer', handover } : { kind: 'ring', reason: 'unknown-token' };
}

/** The accepted handovers without the spent one and without expired ones. */
export function remainingHandovers(
  accepted: readonly AcceptedHandover[],
  spentToken: string | undefined,
  now: number,
): AcceptedHandover[] {
  return accepted.filter(
    (entry) =>
      entry.handoverToken !== spentToken && now - entry.acceptedAt <= HANDOVER_TOKEN_LIFETIME_MS,
  );
}
