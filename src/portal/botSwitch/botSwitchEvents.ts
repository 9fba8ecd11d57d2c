/**
 * The `bot-switch.changed` event: every desk that can see the switched scope learns the final
 * state (two shift leads switching at once both see the last write). Global changes go to
 * everyone (each agent's indicator depends on them), line changes to the line's client.
 */
import type { PortalContext } from '../portalContext';

export function publishBotSwitchChanged(
  context: PortalContext,
  change: {
    at: string;
    scope: 'global' | 'line' | 'schedule';
    line: string | null;
    clientId: string | null;
    mode: 'on' | 'off' | 'inherit';
    changedBy: string | null;
  },
): void {
  context.events.publish(
    {
      type: 'bot-switch.changed',
      at: change.at,
      scope: change.scope,
      line: change.line,
      clientId: change.clientId,
      mode: change.mode,
      changedBy: change.changedBy ?? 'auto-revert',
    },
    change.clientId === null ? { clientIds: 'everyone' } : { clientIds: [change.clientId] },
  );
}
