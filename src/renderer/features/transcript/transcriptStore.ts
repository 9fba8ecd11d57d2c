/**
 * One call's live transcript: merged segments (shared `transcriptMerge`), the transcription
 * status from the host, the state of audio capture in this window, and the client's keyword
 * alerts heard so far. Made by a factory per call; nothing here survives the call unless the
 * note takes it.
 */
import type {
  TranscriptSegment,
  TranscriptionStatus,
} from '../../../shared/contract/services/transcriptionService';
import {
  EMPTY_TRANSCRIPT,
  mergeSegment,
  type Transcript,
} from '../../../shared/domain/transcriptMerge';
import { findKeywords } from '../../../shared/language/keywordMatcher';
import { createAppStore, type AppStore } from '../../app/state/appStore';

/**
 * Audio capture in this window:
 * ```
 *   idle ──start──▶ starting ──▶ running ──hold──▶ paused ──resume──▶ starting
 *                       │            │
 *                       └─error──▶ unavailable      └──hang-up──▶ stopped
 * ```
 */
export type CaptureState = 'idle' | 'starting' | 'running' | 'paused' | 'unavailable' | 'stopped';

export interface CaptureView {
  state: CaptureState;
  /** Audio frames dropped because the host fell behind (bounded buffer, oldest first). */
  droppedFrames: number;
}

/** A client keyword (as the client spelled it) and where it was first heard. */
export interface KeywordAlert {
  keyword: string;
  segmentId: string;
  startSeconds: number;
}

/** The note draft at hang-up: asked for, applied to the note form, or not possible. */
export type NoteDraftState = 'idle' | 'pending' | 'applied' | 'empty' | 'failed';

export interface TranscriptState {
  callId: string;
  transcript: Transcript;
  /** Undefined until the host answered `start`. */
  status?: TranscriptionStatus;
  /** The host did not answer `start` (connection, not provider, trouble). */
  hostUnavailable: boolean;
  capture: CaptureView;
  keywords: readonly string[];
  alerts: readonly KeywordAlert[];
  noteDraft: NoteDraftState;
  addSegment(segment: TranscriptSegment): void;
  setStatus(status: TranscriptionStatus): void;
  setCapture(change: Partial<CaptureView>): void;
  setKeywords(keywords: readonly string[]): void;
  setHostUnavailable(unavailable: boolean): void;
  setNoteDraft(state: NoteDraftState): void;
}

export type TranscriptStore = AppStore<TranscriptState>;

function newAlerts(
  segment: TranscriptSegment,
  keywords: readonly string[],
  known: readonly KeywordAlert[],
): KeywordAlert[] {
  const pending = keywords.filter((keyword) => !known.some((alert) => alert.keyword === keyword));
  if (pending.length === 0 || segment.text === '') return [];
  return findKeywords(segment.text, pending).map((keyword) => ({
    keyword,
    segmentId: segment.segmentId,
    startSeconds: segment.startSeconds,
  }));
}

export function createTranscriptStore(callId: string): TranscriptStore {
  return createAppStore<TranscriptState>((set, get) => ({
    callId,
    transcript: EMPTY_TRANSCRIPT,
    hostUnavailable: false,
    capture: { state: 'idle', droppedFrames: 0 },
    keywords: [],
    alerts: [],
    noteDraft: 'idle',
    addSegment: (segment) => {
      // Segments of another call are never shown here (no context crosses calls).
      if (segment.callId !== callId) return;
      const state = get();
      const transcript = mergeSegment(state.transcript, segment);
      if (transcript === state.transcript) return;
      // Interim text raises the alert too: the agent should see "Frist" while it is spoken.
      const found = newAlerts(segment, state.keywords, state.alerts);
      set(found.length > 0 ? { transcript, alerts: [...state.alerts, ...found] } : { transcript });
    },
    setStatus: (status) => {
      if (status.callId === callId) set({ status });
    },
    setCapture: (change) => set((state) => ({ capture: { ...state.capture, ...change } })),
    setKeywords: (keywords) => {
      const state = get();
      const alerts = [...state.alerts];
      for (const segment of state.transcript.segments) {
        alerts.push(...newAlerts(segment, keywords, alerts));
      }
      set({ keywords: [...keywords], alerts });
    },
    setHostUnavailable: (hostUnavailable) => set({ hostUnavailable }),
    setNoteDraft: (noteDraft) => set({ noteDraft }),
  }));
}
