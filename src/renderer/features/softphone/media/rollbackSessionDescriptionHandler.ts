/**
 * SIP.js's WebRTC session description handler plus the rollback SIP.js asks for but 0.21.2's
 * web handler does not implement (`rollbackDescription` is optional; `Session.rollbackOffer()`
 * silently does nothing without it).
 *
 * Why it matters: when a re-INVITE is refused or times out (408 into a dead connection, 491
 * glare), SIP.js rolls back its dialog's offer/answer state and calls `rollbackDescription()`.
 * Without it the RTCPeerConnection stays in `have-local-offer`: the next re-INVITE of this
 * desk fails locally ("Invalid signaling state"), and the far end's next offer is taken for
 * an answer and refused with 488 — the collisions seen after a cut of both desks. With it,
 * every refused offer leaves the peer connection `stable`, so a retry starts clean.
 */
import { Web, type Session, type SessionDescriptionHandlerFactory } from 'sip.js';

export class RollbackSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  /** Returns the peer connection to `stable`, discarding a local or remote offer not answered. */
  async rollbackDescription(): Promise<void> {
    const connection = this.peerConnection;
    if (!connection) return;
    if (connection.signalingState === 'have-local-offer') {
      await connection.setLocalDescription({ type: 'rollback' });
    } else if (connection.signalingState === 'have-remote-offer') {
      await connection.setRemoteDescription({ type: 'rollback' });
    }
  }
}

/**
 * The same as SIP.js's `Web.defaultSessionDescriptionHandlerFactory`, building
 * {@link RollbackSessionDescriptionHandler}s.
 */
export function rollbackSessionDescriptionHandlerFactory(
  mediaStreamFactory: Web.MediaStreamFactory,
): SessionDescriptionHandlerFactory {
  return (session: Session, options?: Web.SessionDescriptionHandlerFactoryOptions) =>
    new RollbackSessionDescriptionHandler(
      session.userAgent.getLogger('sip.SessionDescriptionHandler'),
      mediaStreamFactory,
      {
        iceGatheringTimeout: options?.iceGatheringTimeout ?? 5_000,
        peerConnectionConfiguration: {
          ...Web.defaultPeerConnectionConfiguration(),
          ...options?.peerConnectionConfiguration,
        },
      },
    );
}
