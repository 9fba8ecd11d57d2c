/**
 * Works around a SIP.js 0.21.2 error on a BYE that arrives before the ACK of our 200 OK.
 *
 * The BYE ends the session (state Terminated) and disposes the dialog, but the INVITE server
 * transaction keeps its state listener: when it terminates (Timer L, 64·T1 = 32 s) the dialog
 * still "waits for the ACK" and calls `Invitation.onAckTimeout`, which sends a BYE on the dead
 * dialog and moves the session from Terminated to Terminated — an uncaught
 * "Invalid state transition" in a timer. The guard skips the timeout of a session that is
 * already over; a live session still ends with SIP.js's BYE as before (RFC 3261 13.3.1.4).
 */
import { SessionState, type Invitation } from 'sip.js';

export function guardAckTimeout(invitation: Invitation): void {
  // `onAckTimeout` is private in the typings; the dialog delegate calls it through `this`.
  const target = invitation as unknown as { onAckTimeout(): void };
  const original = target.onAckTimeout.bind(invitation);
  target.onAckTimeout = () => {
    if (invitation.state === SessionState.Terminated) return;
    original();
  };
}
