/**
 * Whether a session's dialog has an offer/answer exchange under way in either direction.
 *
 * RFC 3261 section 14.1: a UA must not start a re-INVITE while another INVITE transaction of
 * the dialog (sent or received) is still open. SIP.js 0.21.2 checks that only after it has
 * built the offer, and building it while the far end's offer is still being answered turns
 * that half-done answer into our "offer". So the call recovery asks first and, when busy,
 * retries later with the glare delays.
 */
import { Core, type Session } from 'sip.js';

export function offerExchangeUnderWay(session: Session): boolean {
  // `Session.dialog` is typed as the core session interface; the object is a SessionDialog.
  const dialog = session.dialog as Core.SessionDialog | undefined;
  if (!dialog) return false;
  return (
    dialog.reinviteUserAgentClient !== undefined ||
    dialog.reinviteUserAgentServer !== undefined ||
    dialog.signalingState !== Core.SignalingState.Stable
  );
}

/**
 * Our re-INVITE's offer is still being built (the dialog has no client transaction yet); only
 * meaningful while the caller knows it started one.
 */
export function ownOfferBeingBuilt(session: Session): boolean {
  const dialog = session.dialog as Core.SessionDialog | undefined;
  return dialog !== undefined && dialog.reinviteUserAgentClient === undefined;
}
