/**
 * Auto-revert ("off for 2 hours"): a switch whose revert time has come goes back to the mode it
 * had before, written and audited like a change by the portal itself (actor null), and
 * announced to the desks. Applied before every routing decision and every read of the switch,
 * so routing never follows an expired switch, and by `botSwitchRevertTimer` at the revert time
 * for desks that only watch.
 */
import { dueReverts, setGlobalBotMode, setLineBotMode } from '../domain/botSwitchStore';
import type { GlobalBotMode, LineBotMode } from '../domain/botSwitchStore';
import type { PortalContext } from '../portalContext';
import { nowIso } from '../portalContext';
import { publishBotSwitchChanged } from './botSwitchEvents';

/**
 * One pass at a time per portal: a request, a routing decision and the revert timer arriving at
 * once would otherwise all read the same due switch and revert (and audit) it twice.
 */
const passes = new WeakMap<PortalContext, Promise<number>>();

/** Reverts every due switch; returns how many (after any pass already running). */
export function applyDueReverts(context: PortalContext): Promise<number> {
  const pass = (passes.get(context) ?? Promise.resolve(0))
    .catch(() => 0)
    .then(() => revertDue(context));
  passes.set(context, pass);
  return pass;
}

async function revertDue(context: PortalContext): Promise<number> {
  const at = nowIso(context);
  const due = await dueReverts(context.database, at);
  for (const item of due) {
    const options = { reason: 'auto-revert', revertAt: null };
    if (item.scopeKey === 'global') {
      const mode = item.revertTo === 'on' ? 'on' : 'off';
      await setGlobalBotMode(context.database, mode as GlobalBotMode, null, at, options);
      publishBotSwitchChanged(context, {
        at,
        scope: 'global',
        line: null,
        clientId: null,
        mode,
        changedBy: null,
      });
    } else if (item.clientId) {
      const mode = (
        ['on', 'off'].includes(item.revertTo) ? item.revertTo : 'inherit'
      ) as LineBotMode;
      await setLineBotMode(
        context.database,
        { line: item.scopeKey, clientId: item.clientId },
        mode,
        null,
        at,
        options,
      );
      publishBotSwitchChanged(context, {
        at,
        scope: 'line',
        line: item.scopeKey,
        clientId: item.clientId,
        mode,
        changedBy: null,
      });
    }
  }
  return due.length;
}
