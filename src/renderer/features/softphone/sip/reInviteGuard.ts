/**
 * Two things SIP.js 0.21.2 does not do when a re-INVITE arrives in an established call:
 *
 * 1. Answer "100 Trying" at once (RFC 3261 section 17.2.1: a UAS that may take longer than
 *    200 ms sends one). SIP.js answers only when the new description is ready. With the 100 the
 *    proxy can tell a live desk from a dead connection within a second: the lab Kamailio gives
 *    an in-dialog INVITE towards a WebSocket desk 2 s for a first reply (route
 *    WS_CURRENT_CONNECTION), so a desk that has not reconnected after a cut yields a quick 408
 *    and the sender retries (`callRecovery.ts`), while a slow answer (ICE gathering on a busy
 *    machine) is never mistaken for a dead link.
 * 2. Refuse with 491 while this desk is still building its own offer (RFC 3261 section 14.2).
 *    SIP.js answers 491 only once its own re-INVITE is on the wire; before that it applies the
 *    far end's offer to a peer connection that holds our local offer, reads it as an answer,
 *    fails, and ends the call with a BYE (seen in the lab when both desks restarted ICE at once).
 */
import { SessionState, type Core, type Session } from 'sip.js';

type InviteHandling = { onInviteRequest(request: Core.IncomingInviteRequest): void };

/** `buildingOffer()`: this desk is preparing a re-INVITE of its own that is not sent yet. */
export function guardReInvites(session: Session, buildingOffer: () => boolean): void {
  // `onInviteRequest` is SIP.js's internal (protected) entry for in-dialog INVITEs; the dialog
  // calls it through the instance, so wrapping it here is enough.
  const handling = session as unknown as InviteHandling;
  const handle = handling.onInviteRequest.bind(session);
  handling.onInviteRequest = (request) => {
    if (session.state === SessionState.Established) {
      try {
        if (buildingOffer()) {
          request.reject({ statusCode: 491 });
          return;
        }
        request.trying();
      } catch {
        // The transaction already answered (a retransmission): nothing to add.
      }
    }
    handle(request);
  };
}
