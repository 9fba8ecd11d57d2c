/**
 * What the call controller needs from a call's media, independent of SIP.js's WebRTC handler,
 * so unit tests can run the controller with a fake handler.
 */
import { Web, type Session } from 'sip.js';

export interface SessionMedia {
  /** Enables or disables the outgoing track: disabled sends silence (no energy), e.g. mute. */
  setSending(enabled: boolean): void;
  setReceiving(enabled: boolean): void;
  /** RFC 4733 via RTCDTMFSender; false when the peer negotiated no telephone-event. */
  sendDtmf(tone: string): boolean;
  /** Replaces the microphone track without renegotiation (device switch keeps the call). */
  useMicrophone(stream: MediaStream): Promise<void>;
  remoteStream(): MediaStream | undefined;
  localStream(): MediaStream | undefined;
  /** Follows the ICE connection state (call recovery); returns the unsubscribe function. */
  watchIce(listener: (state: RTCIceConnectionState) => void): () => void;
}

/** DTMF tone length and gap (ms): long enough for IVRs, short enough for quick dialling. */
const DTMF_DURATION_MS = 160;
const DTMF_GAP_MS = 70;

/** Media of a session whose handler is SIP.js's WebRTC session description handler. */
export function webSessionMedia(session: Session): SessionMedia | undefined {
  const handler = session.sessionDescriptionHandler;
  if (!(handler instanceof Web.SessionDescriptionHandler)) return undefined;
  return {
    setSending: (enabled) => handler.enableSenderTracks(enabled),
    setReceiving: (enabled) => handler.enableReceiverTracks(enabled),
    sendDtmf: (tone) =>
      handler.sendDtmf(tone, { duration: DTMF_DURATION_MS, interToneGap: DTMF_GAP_MS }),
    useMicrophone: (stream) => replaceMicrophone(handler, stream),
    remoteStream: () => handler.remoteMediaStream,
    localStream: () => handler.localMediaStream,
    watchIce: (listener) => {
      const peerConnection = handler.peerConnection;
      if (!peerConnection) return () => undefined;
      // An event listener, not SIP.js's single peerConnectionDelegate slot.
      const onChange = () => listener(peerConnection.iceConnectionState);
      peerConnection.addEventListener('iceconnectionstatechange', onChange);
      return () => peerConnection.removeEventListener('iceconnectionstatechange', onChange);
    },
  };
}

async function replaceMicrophone(
  handler: Web.SessionDescriptionHandler,
  stream: MediaStream,
): Promise<void> {
  const track = stream.getAudioTracks()[0];
  const sender = handler.peerConnection
    ?.getSenders()
    .find((candidate) => candidate.track?.kind === 'audio' || candidate.track === null);
  if (!track || !sender) throw new Error('No audio sender to switch');
  const enabled = sender.track?.enabled ?? true;
  // replaceTrack needs no renegotiation, so the far end notices nothing but the new voice.
  await sender.replaceTrack(track);
  track.enabled = enabled;
  const local = handler.localMediaStream;
  for (const old of local.getAudioTracks()) {
    old.stop();
    local.removeTrack(old);
  }
  local.addTrack(track);
}
