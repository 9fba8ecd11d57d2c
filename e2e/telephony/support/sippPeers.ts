/**
 * SIPp peers a spec starts (lab/call.sh, lab/answer.sh): tracked so that every peer is stopped
 * after its test, before the desks close (pass `stopAll` as `agentDeskSuite`'s `beforeClose`).
 */
import { startCall, type SippRun } from '../../support/lab';

export interface SippPeers {
  /** Starts an outside caller (lab/call.sh) that is stopped after the test. */
  call(options: Parameters<typeof startCall>[0]): SippRun;
  /** Tracks a peer started elsewhere (e.g. `startAnswering`). */
  track(run: SippRun): SippRun;
  stopAll(): Promise<unknown>;
}

export function sippPeers(): SippPeers {
  const peers: SippRun[] = [];
  const track = (run: SippRun) => {
    peers.push(run);
    return run;
  };
  return {
    call: (options) => track(startCall(options)),
    track,
    stopAll: () => Promise.all(peers.splice(0).map((peer) => peer.stop())),
  };
}
