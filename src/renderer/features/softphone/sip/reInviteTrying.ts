/**
 * Makes a session answer every re-INVITE at once with "100 Trying" (RFC 3261 section 17.2.1:
 * a UAS that may take longer than 200 ms to answer sends one). SIP.js 0.21.2 sends none for
 * re-INVITEs; it answers only when the new description is ready.
 *
 * Why: the proxy can then tell a live desk from a dead connection within a second. The lab's
 * Kamailio gives an in-dialog INVITE towards a WebSocket desk a short timer for the first
 * reply (route WS_CURRENT_CONNECTION): a desk that has not yet reconnected after a network cut
 * yields a quick 408, and the sender retries (`callRecovery.ts`) instead of waiting 32 s in a
 * dialog that refuses every other re-INVITE meanwhile. A live desk stops that timer with this
 * 100, so a slow answer (ICE gathering on a busy machine) is never mistaken for a dead link.
 */
import { SessionState, type Core, type Session } from 'sip.js';

type InviteHandling = { onInviteRequest(request: Core.IncomingInviteRequest): void };

export function answerReInvitesWithTrying(session: Session): void {
  // `onInviteRequest` is SIP.js's internal (protected) entry for in-dialog INVITEs; the dialog
  // calls it through the instance, so wrapping it here is enough.
  const handling = session as unknown as InviteHandling;
  const handle = handling.onInviteRequest.bind(session);
  handling.onInviteRequest = (request) => {
    if (session.state === SessionState.Established) {
      try {
        request.trying();
      } catch {
        // The transaction already answered (a retransmission): nothing to add.
      }
    }
    handle(request);
  };
}
