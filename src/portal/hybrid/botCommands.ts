/**
 * `GET /bot/v1/calls/{callId}/commands?wait=N`: the next command for the bot, derived from the
 * call's state in the database (so it survives a portal restart and works with two processes).
 * A command is answered once per process; the long poll re-reads the state when this process
 * changes the call and twice a second otherwise (changes made by another portal process).
 */
import type { PortalContext } from '../portalContext';
import type { BotCommand } from '../../shared/portalWire/hybridSchemas';
import type { BotCallRow } from './botCallStore';
import { getBotCallRow } from './botCallStore';

const RECHECK_MILLISECONDS = 500;

/** What the bot should do now, with a key that changes when the command does. */
async function commandOf(
  context: PortalContext,
  row: BotCallRow,
): Promise<{ key: string; command: BotCommand } | undefined> {
  if (row.state === 'ended') return { key: 'end', command: { type: 'end' } };
  if (row.queue_state === 'accepted' && row.handover_token) {
    return {
      key: `hand-over:${row.handover_token}`,
      command: {
        type: 'hand-over',
        referTo: `sip:handover.${row.handover_token}@${context.hybrid.sipDomain}`,
        handoverToken: row.handover_token,
      },
    };
  }
  if (row.queue_state === 'timed-out')
    return { key: 'take-message', command: { type: 'take-message' } };
  if (row.queue_state === 'waiting' || row.queue_state === 'offered') {
    const ahead = await context.database
      .selectFrom('bot_calls')
      .select((builder) => builder.fn.countAll<number>().as('count'))
      .where('client_id', '=', row.client_id)
      .where('queue_state', 'in', ['waiting', 'offered'])
      .where((builder) =>
        builder.or([
          builder('queue_rank', '<', row.queue_rank),
          builder.and([
            builder('queue_rank', '=', row.queue_rank),
            builder('escalated_at', '<', row.escalated_at ?? ''),
          ]),
        ]),
      )
      .executeTakeFirstOrThrow();
    const position = Number(ahead.count) + 1;
    return { key: `keep-waiting:${position}`, command: { type: 'keep-waiting', position } };
  }
  return undefined;
}

/** Last command key answered per call in this process. */
export class BotCommandLog {
  private readonly sent = new Map<string, string>();

  async next(
    context: PortalContext,
    callId: string,
    waitSeconds: number,
  ): Promise<BotCommand | undefined> {
    const deadline = context.now() + waitSeconds * 1000;
    for (;;) {
      const row = await getBotCallRow(context.database, callId);
      if (!row) return undefined;
      const next = await commandOf(context, row);
      if (next && this.sent.get(callId) !== next.key) {
        this.sent.set(callId, next.key);
        if (next.key === 'end') this.sent.delete(callId);
        return next.command;
      }
      const left = deadline - context.now();
      if (left <= 0) return undefined;
      await context.offers.waitForChange(callId, Math.min(left, RECHECK_MILLISECONDS));
    }
  }
}
