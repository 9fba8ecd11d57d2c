/**
 * The capture pipeline on synthetic audio, for CPU measurements: a "caller" made by an
 * oscillator in its own audio context (standing in for the remote WebRTC stream) and the
 * browser's fake microphone, captured and framed exactly as in a call, frames sent to the host
 * (which refuses them: no transcription provider, so the host's work stays small).
 */
import type { AppClient } from '../../../../shared/contract/appContract';
import { startAudioCapture, type AudioCapture } from '../audio/audioCapture';
import { FrameSender, type FrameSenderStatistics } from '../audio/frameSender';

export interface AudioSources {
  stop(): Promise<void>;
  remote: MediaStream;
  local: MediaStream;
}

/** Starts the stand-in sources (the part a real call has anyway). */
export async function startAudioSources(): Promise<AudioSources> {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  oscillator.frequency.value = 440;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  if (context.state === 'suspended') await context.resume();
  const local = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  return {
    remote: destination.stream,
    local,
    stop: async () => {
      oscillator.stop();
      for (const track of local.getTracks()) track.stop();
      await context.close();
    },
  };
}

export interface RunningCapture {
  capture: AudioCapture;
  sender: FrameSender;
}

export async function startCapture(
  client: AppClient,
  sources: AudioSources,
): Promise<RunningCapture> {
  const callId = 'benchmark-audio';
  await client.transcription.start({ callId });
  const sender = new FrameSender(async (frame) => {
    const result = await client.transcription.pushAudio(callId, frame);
    return result.ok && result.value;
  });
  const capture = await startAudioCapture({
    remoteStream: sources.remote,
    localStream: sources.local,
    onFrame: (frame) => sender.enqueue(frame),
  });
  return { capture, sender };
}

export async function stopCapture(running: RunningCapture): Promise<FrameSenderStatistics> {
  await running.capture.stop();
  await running.sender.whenIdle();
  return running.sender.statistics;
}
