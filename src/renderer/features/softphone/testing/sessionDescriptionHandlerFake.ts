/**
 * A session description handler without WebRTC, for unit tests in jsdom: it writes a small
 * SDP offer/answer whose direction follows SIP.js's `hold` option (sendonly when holding) and
 * records what the call controller does to the media (sending, receiving, DTMF, microphone).
 * It keeps an RTCPeerConnection's signalling state with the same rules as SIP.js's web
 * handler (no new offer while one is pending; a remote description in `have-local-offer` is
 * an answer) and rolls back like `media/rollbackSessionDescriptionHandler.ts`; with
 * `rollback: false` it behaves like SIP.js 0.21.2's own web handler, which cannot.
 */
import type {
  BodyAndContentType,
  Session,
  SessionDescriptionHandler,
  SessionDescriptionHandlerFactory,
  SessionDescriptionHandlerOptions,
} from 'sip.js';
import type { SessionMedia } from '../media/sessionMedia';

export class SessionDescriptionHandlerFake implements SessionDescriptionHandler {
  sending = true;
  receiving = true;
  readonly dtmfSent: string[] = [];
  microphoneSwitches = 0;
  remoteSdp: string | undefined;
  closed = false;
  /** Offers made with `offerOptions.iceRestart`; each one changes the ICE ufrag. */
  iceRestarts = 0;
  /** How many of the next descriptions fail (a broken handler during recovery). */
  failDescriptions = 0;
  readonly iceListeners = new Set<(state: RTCIceConnectionState) => void>();
  signalingState: 'stable' | 'have-local-offer' | 'have-remote-offer' = 'stable';
  rollbacks = 0;
  /** Absent when the fake plays SIP.js's web handler without rollback. */
  readonly rollbackDescription?: () => Promise<void>;

  constructor(
    private readonly rfc4733: boolean,
    rollback = true,
  ) {
    if (rollback) {
      this.rollbackDescription = async () => {
        if (this.signalingState !== 'stable') this.rollbacks += 1;
        this.signalingState = 'stable';
      };
    }
  }

  close(): void {
    this.closed = true;
  }

  async getDescription(options?: SessionDescriptionHandlerOptions): Promise<BodyAndContentType> {
    const extended = options as
      { hold?: boolean; offerOptions?: { iceRestart?: boolean } } | undefined;
    const hold = extended?.hold === true;
    if (this.signalingState === 'have-local-offer') {
      throw new Error('Invalid signaling state have-local-offer');
    }
    if (this.failDescriptions > 0) {
      this.failDescriptions -= 1;
      throw new Error('description failed');
    }
    const offering = this.signalingState === 'stable';
    this.signalingState = offering ? 'have-local-offer' : 'stable';
    if (offering && extended?.offerOptions?.iceRestart) this.iceRestarts += 1;
    const direction = hold ? 'sendonly' : 'sendrecv';
    const events = this.rfc4733 ? ' 101' : '';
    const body = [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio 40000 RTP/AVP 0${events}`,
      'a=rtpmap:0 PCMU/8000',
      ...(this.rfc4733 ? ['a=rtpmap:101 telephone-event/8000'] : []),
      `a=ice-ufrag:fake${this.iceRestarts}`,
      `a=${direction}`,
      '',
    ].join('\r\n');
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    if (!/^m=audio /m.test(sdp)) throw new Error('no audio in the remote description');
    if (this.signalingState === 'have-remote-offer') {
      throw new Error('Invalid signaling state have-remote-offer');
    }
    this.signalingState = this.signalingState === 'stable' ? 'have-remote-offer' : 'stable';
    this.remoteSdp = sdp;
  }

  /** Reports an ICE connection state as the peer connection would. */
  emitIce(state: RTCIceConnectionState): void {
    for (const listener of this.iceListeners) listener(state);
  }

  sendDtmf(tones: string): boolean {
    if (!this.rfc4733) return false;
    this.dtmfSent.push(tones);
    return true;
  }
}

/**
 * A factory for the fake; `rfc4733: false` forces the SIP INFO fallback for DTMF, `rollback:
 * false` plays SIP.js's web handler, which cannot roll a refused offer back.
 */
export function sessionDescriptionHandlerFakeFactory(
  options: { rfc4733?: boolean; rollback?: boolean } = {},
): SessionDescriptionHandlerFactory {
  return () => new SessionDescriptionHandlerFake(options.rfc4733 ?? true, options.rollback);
}

/** The controller's view of a fake handler. */
export function fakeMediaOf(session: Session): SessionMedia | undefined {
  const handler = session.sessionDescriptionHandler;
  if (!(handler instanceof SessionDescriptionHandlerFake)) return undefined;
  return {
    setSending: (enabled) => {
      handler.sending = enabled;
    },
    setReceiving: (enabled) => {
      handler.receiving = enabled;
    },
    sendDtmf: (tone) => handler.sendDtmf(tone),
    useMicrophone: async () => {
      handler.microphoneSwitches += 1;
    },
    remoteStream: () => undefined,
    localStream: () => undefined,
    watchIce: (listener) => {
      handler.iceListeners.add(listener);
      return () => handler.iceListeners.delete(listener);
    },
  };
}
