/**
 * The portal's bot API as a voicebot uses it (`/bot/v1/…`), for web shell specs and scripts
 * that need bot calls and escalation offers without the lab.
 */
import { randomUUID } from 'node:crypto';
import { setAgentState } from '../../src/portal/hybrid/agentStates';
import type { ControlledPortal } from './portalDesk';

export interface BotApi {
  send(body: Record<string, unknown>): Promise<void>;
  /** Starts a bot call on `line` with consent and the given transcript; returns its call ID. */
  call(line: string, lines: [speaker: 'bot' | 'caller', text: string][]): Promise<string>;
  escalate(callId: string, summary: string): Promise<void>;
  /** The next command for the call (long poll of 5 s), or null when there is none. */
  command(callId: string): Promise<Record<string, unknown> | null>;
}

export function botApi(portalUrl: string, token: string): BotApi {
  const send = async (body: Record<string, unknown>): Promise<void> => {
    const answer = await fetch(new URL('/bot/v1/events', portalUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: randomUUID(), at: new Date().toISOString(), ...body }),
    });
    if (answer.status !== 201) throw new Error(`bot event refused: ${answer.status}`);
  };
  return {
    send,
    async call(line, lines) {
      const callId = randomUUID();
      await send({ type: 'call-started', callId, line, sipCallId: `sip-${callId}` });
      await send({ type: 'disclosure-played', callId });
      await send({ type: 'consent', callId, given: true });
      for (const [index, [speaker, text]] of lines.entries()) {
        await send({
          type: 'transcript-segment',
          callId,
          segmentId: `s${index}`,
          speaker,
          text,
          startMs: index * 3_000,
          endMs: index * 3_000 + 2_500,
          final: true,
        });
      }
      return callId;
    },
    async escalate(callId, summary) {
      await send({
        type: 'escalation-requested',
        callId,
        reason: 'caller-asked-for-human',
        urgency: 'high',
        summary,
      });
    },
    async command(callId) {
      const answer = await fetch(new URL(`/bot/v1/calls/${callId}/commands?wait=5`, portalUrl), {
        headers: { authorization: `Bearer ${token}` },
      });
      return answer.status === 200 ? ((await answer.json()) as Record<string, unknown>) : null;
    },
  };
}

/**
 * Without SIP the desk reports itself not available; for offers the agent is made available in
 * the portal directly, once the desk's own report is in (so it cannot overwrite this).
 */
export async function makeAgentAvailable(portal: ControlledPortal): Promise<void> {
  const { database, events } = portal.current().context;
  const presenceOf = async () =>
    (
      await database
        .selectFrom('presence')
        .select('state')
        .where('user_id', '=', portal.agentId)
        .executeTakeFirst()
    )?.state;
  for (let attempt = 0; attempt < 200 && (await presenceOf()) === undefined; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await setAgentState(database, events, {
    userId: portal.agentId,
    state: 'available',
    at: new Date().toISOString(),
  });
}
