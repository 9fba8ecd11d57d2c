import { Web, type Session } from 'sip.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RollbackSessionDescriptionHandler,
  rollbackSessionDescriptionHandlerFactory,
} from './rollbackSessionDescriptionHandler';

/** The part of RTCPeerConnection the rollback touches; jsdom has no WebRTC. */
class PeerConnectionFake {
  static last: PeerConnectionFake | undefined;
  signalingState: RTCSignalingState = 'stable';
  readonly applied: { side: 'local' | 'remote'; type: string | undefined }[] = [];

  constructor(readonly configuration: RTCConfiguration) {
    PeerConnectionFake.last = this;
  }

  async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.applied.push({ side: 'local', type: description.type });
    if (description.type === 'rollback') this.signalingState = 'stable';
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.applied.push({ side: 'remote', type: description.type });
    if (description.type === 'rollback') this.signalingState = 'stable';
  }
}

const session = {
  userAgent: { getLogger: () => ({ debug() {}, log() {}, warn() {}, error() {} }) },
} as unknown as Session;

function handler(): { handler: RollbackSessionDescriptionHandler; connection: PeerConnectionFake } {
  const factory = rollbackSessionDescriptionHandlerFactory(async () => new MediaStream());
  const created = factory(session, {
    iceGatheringTimeout: 200,
    peerConnectionConfiguration: { iceServers: [] },
  });
  expect(created).toBeInstanceOf(RollbackSessionDescriptionHandler);
  return {
    handler: created as RollbackSessionDescriptionHandler,
    connection: PeerConnectionFake.last!,
  };
}

beforeEach(() => {
  vi.stubGlobal('RTCPeerConnection', PeerConnectionFake);
  vi.stubGlobal('MediaStream', function MediaStreamFake() {});
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RollbackSessionDescriptionHandler', () => {
  it('is a SIP.js web handler (the media helpers recognise it) with the factory options', () => {
    const { handler: created, connection } = handler();
    expect(created).toBeInstanceOf(Web.SessionDescriptionHandler);
    // The configured ICE servers replace SIP.js's default (a public STUN server).
    expect(connection.configuration.iceServers).toEqual([]);
    expect(connection.configuration.bundlePolicy).toBe('balanced');
  });

  it('rolls a local offer that was refused back to stable', async () => {
    const { handler: created, connection } = handler();
    connection.signalingState = 'have-local-offer';
    await created.rollbackDescription();
    expect(connection.applied).toEqual([{ side: 'local', type: 'rollback' }]);
    expect(connection.signalingState).toBe('stable');
  });

  it('rolls a remote offer that could not be answered back to stable', async () => {
    const { handler: created, connection } = handler();
    connection.signalingState = 'have-remote-offer';
    await created.rollbackDescription();
    expect(connection.applied).toEqual([{ side: 'remote', type: 'rollback' }]);
    expect(connection.signalingState).toBe('stable');
  });

  it('leaves a stable connection alone', async () => {
    const { handler: created, connection } = handler();
    await created.rollbackDescription();
    expect(connection.applied).toEqual([]);
  });

  it('fills the gap in SIP.js 0.21.2, whose web handler has no rollback at all', () => {
    expect('rollbackDescription' in Web.SessionDescriptionHandler.prototype).toBe(false);
  });
});
