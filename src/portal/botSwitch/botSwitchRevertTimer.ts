/**
 * Fires auto-reverts ("off for 2 hours") at their time, even when no call and no request comes
 * in: one timer for the earliest pending revert, armed from the database at start (so a
 * restart keeps every revert), re-armed on every `bot-switch.changed` (a new switch, another
 * portal process's change over the PostgreSQL bridge, a revert just applied), unref'd so it
 * never keeps a process alive, cleared on close. The revert itself is `applyDueReverts`: written
 * and audited by the portal (actor none, reason `auto-revert`) and announced, so desks update.
 */
import type { PortalContext } from '../portalContext';
import { applyDueReverts } from './botSwitchReverts';

/** Node's timers cannot wait longer than this (about 24.8 days); longer waits are re-armed. */
const LONGEST_TIMER_MILLISECONDS = 2 ** 31 - 1;

export interface BotSwitchRevertTimer {
  /** Reads the earliest pending revert again and waits for it (after any pass in progress). */
  rearm(): Promise<void>;
  /** Clears the timer and waits for a revert in progress; nothing fires after it resolves. */
  close(): Promise<void>;
}

/** The earliest pending revert time, or null when no switch reverts. */
async function nextRevertAt(context: PortalContext): Promise<number | null> {
  const row = await context.database
    .selectFrom('bot_switches')
    .select(({ fn }) => fn.min('revert_at').as('next'))
    .where('revert_at', 'is not', null)
    .executeTakeFirst();
  return row?.next ? Date.parse(String(row.next)) : null;
}

/** Starts the timer; resolves once it is armed from the database. */
export async function startBotSwitchRevertTimer(
  context: PortalContext,
): Promise<BotSwitchRevertTimer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Every database pass runs after the previous one, so a fire and a re-arm never interleave.
  let passes: Promise<void> = Promise.resolve();
  const queue = (pass: () => Promise<void>): Promise<void> => {
    passes = passes
      .then(() => (closed ? undefined : pass()))
      .catch(() => {
        // A failed read or revert (database away) is retried on the next change or request;
        // routing applies due reverts itself before every decision. No details: they may hold data.
      });
    return passes;
  };
  const arm = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = await nextRevertAt(context);
    if (next === null || closed) return;
    const delay = Math.min(Math.max(0, next - context.now()), LONGEST_TIMER_MILLISECONDS);
    timer = setTimeout(() => {
      timer = undefined;
      // The revert publishes `bot-switch.changed`, which re-arms for the next one.
      void queue(async () => {
        if ((await applyDueReverts(context)) === 0) await arm();
      });
    }, delay);
    timer.unref();
  };
  const unsubscribe = context.events.subscribe((event) => {
    if (event.type === 'bot-switch.changed') void queue(arm);
  });
  await queue(arm);
  return {
    rearm: () => queue(arm),
    async close() {
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = undefined;
      await passes;
    },
  };
}
