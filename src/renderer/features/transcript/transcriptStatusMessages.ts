/**
 * What the transcript panel says about transcription and capture, as i18n keys: one line for
 * the host's transcription status and extra lines for capture trouble, so the agent always
 * knows why no text appears ("transcription is off: no provider configured").
 */
import type {
  TranscriptionReason,
  TranscriptionStatus,
} from '../../../shared/contract/services/transcriptionService';
import type { CaptureView } from './transcriptStore';

export type MessageLevel = 'ok' | 'info' | 'warning' | 'error';

export interface StatusMessage {
  key: string;
  options?: Record<string, string | number>;
  /** An i18n key whose text fills the `{{reason}}` placeholder. */
  reasonKey?: string;
  level: MessageLevel;
}

const REASON_KEYS: Record<TranscriptionReason, string> = {
  'not-configured': 'transcript:reason.notConfigured',
  'missing-key': 'transcript:reason.missingKey',
  unauthorized: 'transcript:reason.unauthorized',
  unreachable: 'transcript:reason.unreachable',
  'connection-lost': 'transcript:reason.connectionLost',
  'provider-error': 'transcript:reason.providerError',
  'not-allowed': 'transcript:reason.notAllowed',
};

function statusMessage(
  status: TranscriptionStatus | undefined,
  hostUnavailable: boolean,
): StatusMessage {
  if (hostUnavailable) return { key: 'transcript:status.hostUnavailable', level: 'error' };
  if (!status) return { key: 'transcript:status.waiting', level: 'info' };
  switch (status.state) {
    case 'off':
      if (status.reason === 'not-configured') {
        return { key: 'transcript:status.notConfigured', level: 'info' };
      }
      if (status.reason === 'not-allowed') {
        return { key: 'transcript:status.notAllowed', level: 'info' };
      }
      if (status.reason === 'missing-key') {
        return { key: 'transcript:status.missingKey', level: 'warning' };
      }
      return { key: 'transcript:status.off', level: 'info' };
    case 'failed':
      return {
        key: 'transcript:status.failed',
        reasonKey: REASON_KEYS[status.reason ?? 'provider-error'],
        level: 'error',
      };
    case 'reconnecting':
      return { key: 'transcript:status.reconnecting', level: 'warning' };
    case 'live':
      return { key: 'transcript:status.live', level: 'ok' };
    default:
      return { key: `transcript:status.${status.state}`, level: 'info' };
  }
}

export function transcriptStatusMessages(
  status: TranscriptionStatus | undefined,
  capture: CaptureView,
  hostUnavailable = false,
): StatusMessage[] {
  const messages: StatusMessage[] = [statusMessage(status, hostUnavailable)];
  const transcribing = status && ['connecting', 'live', 'reconnecting'].includes(status.state);
  if (capture.state === 'paused')
    messages.push({ key: 'transcript:capture.paused', level: 'info' });
  if (capture.state === 'unavailable' && transcribing) {
    messages.push({ key: 'transcript:capture.unavailable', level: 'warning' });
  }
  if (capture.droppedFrames > 0) {
    messages.push({
      key: 'transcript:capture.dropped',
      options: { count: capture.droppedFrames },
      level: 'warning',
    });
  }
  if (status && status.droppedAudioMilliseconds > 0) {
    messages.push({
      key: 'transcript:status.droppedAudio',
      options: { seconds: Math.round(status.droppedAudioMilliseconds / 100) / 10 },
      level: 'warning',
    });
  }
  return messages;
}

/** "0:07", "12:45", "1:02:03" from seconds since transcription started. */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
