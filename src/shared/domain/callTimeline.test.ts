import { describe, expect, it } from 'vitest';
import type { BotTranscriptSegment } from '../contract/services/hybridService';
import type { TranscriptSegment } from '../contract/services/transcriptionService';
import { callTimeline, mergeBotSegments } from './callTimeline';

function bot(segmentId: string, startMs: number, text: string, final = true): BotTranscriptSegment {
  return {
    segmentId,
    speaker: segmentId.startsWith('c') ? 'caller' : 'bot',
    text,
    startMs,
    endMs: startMs + 500,
    final,
  };
}

function human(segmentId: string, startSeconds: number, text: string): TranscriptSegment {
  return {
    segmentId,
    callId: 'call-1',
    speaker: segmentId.startsWith('a') ? 'agent' : 'caller',
    text,
    isFinal: true,
    startSeconds,
    endSeconds: startSeconds + 1,
  };
}

describe('callTimeline', () => {
  it('puts the bot part first, ordered as spoken, then the human part in its order', () => {
    const timeline = callTimeline(
      [bot('c2', 3_000, 'Ich möchte einen Menschen.'), bot('b1', 0, 'Hier ist eine KI.')],
      [human('a1', 0.5, 'Guten Tag, hier Anna.'), human('k1', 2, 'Hallo.')],
    );
    expect(timeline.map((entry) => [entry.part, entry.speaker, entry.text])).toEqual([
      ['bot', 'bot', 'Hier ist eine KI.'],
      ['bot', 'caller', 'Ich möchte einen Menschen.'],
      ['human', 'agent', 'Guten Tag, hier Anna.'],
      ['human', 'caller', 'Hallo.'],
    ]);
  });

  it('keeps bot and human keys apart even when the ids are equal', () => {
    const keys = callTimeline([bot('s1', 0, 'a')], [human('s1', 0, 'b')]).map((e) => e.key);
    expect(new Set(keys).size).toBe(2);
  });

  it('shows only the human part when the bot said nothing, and vice versa', () => {
    expect(callTimeline([], [human('a1', 0, 'x')]).map((e) => e.part)).toEqual(['human']);
    expect(callTimeline([bot('b1', 0, 'x')], []).map((e) => e.part)).toEqual(['bot']);
  });
});

describe('mergeBotSegments', () => {
  it('replaces an interim by its final and never downgrades a final', () => {
    const interim = bot('c1', 100, 'Ich möch', false);
    const final = bot('c1', 100, 'Ich möchte einen Termin.');
    expect(mergeBotSegments([interim], [final])).toEqual([final]);
    expect(mergeBotSegments([final], [interim])).toEqual([final]);
  });

  it('orders segments that arrive out of order and ignores duplicates', () => {
    const first = bot('b1', 0, 'Willkommen');
    const second = bot('c1', 900, 'Hallo');
    expect(mergeBotSegments([second], [first, second])).toEqual([first, second]);
  });
});
