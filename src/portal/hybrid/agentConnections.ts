/**
 * "An agent whose event socket closes is offline" (docs/hybrid.md): counts each user's open
 * `/events` sockets in this process; when the last one closes, an agent who was available or
 * ringing becomes offline, so no offer waits 15 s on a closed window. (With two portal processes
 * an agent connected to both goes offline when either side's last socket closes; the desk's next
 * presence report sets it right.)
 */
import type { PortalContext } from '../portalContext';
import { nowIso } from '../portalContext';
import { setAgentState } from './agentStates';

export class AgentConnections {
  private readonly open = new Map<string, number>();

  opened(userId: string): void {
    this.open.set(userId, (this.open.get(userId) ?? 0) + 1);
  }

  async closed(context: PortalContext, userId: string): Promise<void> {
    const left = (this.open.get(userId) ?? 1) - 1;
    if (left > 0) {
      this.open.set(userId, left);
      return;
    }
    this.open.delete(userId);
    const current = await context.database
      .selectFrom('presence')
      .select('state')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (current?.state !== 'available' && current?.state !== 'offered') return;
    await setAgentState(context.database, context.events, {
      userId,
      state: 'offline',
      at: nowIso(context),
    });
    // A ringing offer to this agent moves on at the next pass.
    context.offers.nudge();
  }
}
