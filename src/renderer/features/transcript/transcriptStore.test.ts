import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { createTranscriptStore } from './transcriptStore';

const segment = (change: Partial<TranscriptSegment>): TranscriptSegment => ({
  segmentId: 's1',
  callId: 'call-1',
  speaker: 'caller',
  text: '',
  isFinal: false,
  startSeconds: 0,
  endSeconds: 1,
  ...change,
});

describe('transcript store', () => {
  it('merges segments and ignores those of another call', () => {
    const store = createTranscriptStore('call-1');
    store.getState().addSegment(segment({ text: 'Guten' }));
    store.getState().addSegment(segment({ text: 'Guten Tag.', isFinal: true }));
    store.getState().addSegment(segment({ callId: 'call-2', segmentId: 'x', text: 'fremd' }));
    expect(store.getState().transcript.segments.map((item) => item.text)).toEqual(['Guten Tag.']);
  });

  it('raises a keyword alert once, already from interim text', () => {
    const store = createTranscriptStore('call-1');
    store.getState().setKeywords(['Frist', 'Notfall']);
    store.getState().addSegment(segment({ text: 'Es geht um eine Frist' }));
    expect(store.getState().alerts.map((alert) => alert.keyword)).toEqual(['Frist']);
    store.getState().addSegment(segment({ text: 'Es geht um eine Frist.', isFinal: true }));
    store
      .getState()
      .addSegment(
        segment({ segmentId: 's2', text: 'Die Fristen!', startSeconds: 2, endSeconds: 3 }),
      );
    expect(store.getState().alerts).toHaveLength(1);
  });

  it('finds alerts in earlier lines when the keywords arrive late', () => {
    const store = createTranscriptStore('call-1');
    store.getState().addSegment(segment({ text: 'Ein Notfall', isFinal: true }));
    expect(store.getState().alerts).toEqual([]);
    store.getState().setKeywords(['Notfall']);
    expect(store.getState().alerts).toEqual([
      { keyword: 'Notfall', segmentId: 's1', startSeconds: 0 },
    ]);
  });

  it('keeps status only for its own call', () => {
    const store = createTranscriptStore('call-1');
    const status = { state: 'live', droppedAudioMilliseconds: 0 } as const;
    store.getState().setStatus({ ...status, callId: 'call-2' });
    expect(store.getState().status).toBeUndefined();
    store.getState().setStatus({ ...status, callId: 'call-1' });
    expect(store.getState().status?.state).toBe('live');
  });
});
