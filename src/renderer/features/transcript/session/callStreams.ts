/**
 * The smallest accessor for a call's audio that the softphone does not hand out itself (its
 * call controller keeps the SIP.js sessions private):
 * - the caller's stream is the one the softphone plays in the `<audio data-softphone-leg>`
 *   element of the leg (it must play there anyway, see `remoteAudio.ts`);
 * - the agent's voice comes from the same microphone, opened once more with the softphone's own
 *   `openMicrophone`, and silenced while the leg is muted, so muted talk is not transcribed.
 * Both are released when capture stops; nothing is recorded.
 */
import { openMicrophone, type MicrophoneSource } from '../../softphone/media/microphone';

export interface CallStreams {
  remote: MediaStream;
  local: MediaStream;
  /** Silences the agent channel (leg muted) without stopping capture. */
  setAgentMuted(muted: boolean): void;
  /** Stops the microphone opened for capture; the remote stream belongs to the softphone. */
  release(): void;
}

export type CallStreamSource = (legId: string, muted: boolean) => Promise<CallStreams | undefined>;

/** The softphone attaches the remote stream right after the call is established. */
const REMOTE_STREAM_WAIT_MILLISECONDS = 3000;
const POLL_MILLISECONDS = 50;

export function remoteStreamOf(
  legId: string,
  root: ParentNode = document,
): MediaStream | undefined {
  for (const element of root.querySelectorAll<HTMLAudioElement>('audio[data-softphone-leg]')) {
    if (element.dataset.softphoneLeg !== legId) continue;
    const source = element.srcObject;
    return source instanceof MediaStream && source.getAudioTracks().length > 0 ? source : undefined;
  }
  return undefined;
}

async function waitForRemoteStream(legId: string): Promise<MediaStream | undefined> {
  const deadline = performance.now() + REMOTE_STREAM_WAIT_MILLISECONDS;
  for (;;) {
    const stream = remoteStreamOf(legId);
    if (stream || performance.now() > deadline) return stream;
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLISECONDS));
  }
}

export function createCallStreamSource(
  microphoneId: () => string | Promise<string>,
  open: MicrophoneSource = openMicrophone,
): CallStreamSource {
  return async (legId, muted) => {
    const remote = await waitForRemoteStream(legId);
    if (!remote) return undefined;
    let local: MediaStream;
    try {
      local = (await open(await microphoneId())).stream;
    } catch {
      return undefined;
    }
    const setAgentMuted = (value: boolean) => {
      for (const track of local.getAudioTracks()) track.enabled = !value;
    };
    setAgentMuted(muted);
    return {
      remote,
      local,
      setAgentMuted,
      release: () => {
        for (const track of local.getTracks()) track.stop();
      },
    };
  };
}
