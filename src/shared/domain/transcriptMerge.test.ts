import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../contract/services/transcriptionService';
import {
  EMPTY_TRANSCRIPT,
  compareSegments,
  finalSegments,
  mergeSegment,
  mergeSegments,
} from './transcriptMerge';

function segment(
  segmentId: string,
  startSeconds: number,
  endSeconds: number,
  text: string,
  change: Partial<TranscriptSegment> = {},
): TranscriptSegment {
  return {
    segmentId,
    callId: 'call-1',
    speaker: 'caller',
    text,
    isFinal: true,
    startSeconds,
    endSeconds,
    ...change,
  };
}

const texts = (segments: readonly TranscriptSegment[]) => segments.map((item) => item.text);

describe('mergeSegment', () => {
  it('replaces an interim by newer interims and then by the final with the same id', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('a', 0, 1, 'Guten', { isFinal: false }),
      segment('a', 0, 2, 'Guten Tag ich', { isFinal: false }),
      segment('a', 0, 2.5, 'Guten Tag, ich habe eine Frage.'),
    ]);
    expect(texts(merged.segments)).toEqual(['Guten Tag, ich habe eine Frage.']);
    expect(merged.segments[0]!.isFinal).toBe(true);
    expect(merged.version).toBe(3);
  });

  it('never downgrades a final by a late interim with the same id', () => {
    const final = mergeSegment(EMPTY_TRANSCRIPT, segment('a', 0, 2, 'Wann haben Sie geöffnet?'));
    const late = mergeSegment(final, segment('a', 0, 1, 'Wann haben', { isFinal: false }));
    expect(late).toBe(final);
  });

  it('ignores exact duplicates and returns the same object', () => {
    const once = mergeSegment(EMPTY_TRANSCRIPT, segment('a', 0, 2, 'Hallo'));
    expect(mergeSegment(once, segment('a', 0, 2, 'Hallo'))).toBe(once);
    const interim = mergeSegment(once, segment('b', 3, 4, 'und', { isFinal: false }));
    expect(mergeSegment(interim, segment('b', 3, 4, 'und', { isFinal: false }))).toBe(interim);
  });

  it('lets a corrected final replace an earlier final with the same id', () => {
    const first = mergeSegment(EMPTY_TRANSCRIPT, segment('a', 0, 2, 'Frist am Montag'));
    const corrected = mergeSegment(first, segment('a', 0, 2, 'Frist am Dienstag'));
    expect(texts(corrected.segments)).toEqual(['Frist am Dienstag']);
  });

  it('orders segments that arrive out of order by their start time', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('c', 6, 7, 'drei'),
      segment('a', 0, 1, 'eins'),
      segment('b', 3, 4, 'zwei'),
    ]);
    expect(texts(merged.segments)).toEqual(['eins', 'zwei', 'drei']);
  });

  it('interleaves the two channels as they were spoken, caller first on a tie', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('agent-1', 2, 3, 'Praxis Dr. Sommer, guten Tag.', { speaker: 'agent' }),
      segment('caller-1', 3.5, 5, 'Haben Sie heute offen?'),
      segment('agent-2', 5.5, 7, 'Bis 18 Uhr.', { speaker: 'agent' }),
      segment('caller-0', 2, 3, 'Hallo?'),
    ]);
    expect(merged.segments.map((item) => item.speaker)).toEqual([
      'caller',
      'agent',
      'caller',
      'agent',
    ]);
    expect(texts(merged.segments)[0]).toBe('Hallo?');
  });

  it('keeps one open interim per speaker and lets the two channels have one each', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('c1', 0, 1, 'Ich', { isFinal: false }),
      segment('a1', 0.5, 1, 'Ja', { isFinal: false, speaker: 'agent' }),
      segment('c2', 0, 1.5, 'Ich brauche', { isFinal: false }),
    ]);
    expect(texts(merged.segments)).toEqual(['Ich brauche', 'Ja']);
  });

  it('drops a stale interim of the speaker when the final under another id arrives', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('interim-7', 10, 12, 'Mein Rohr ist', { isFinal: false }),
      segment('final-7', 10, 12.4, 'Mein Rohr ist gebrochen.'),
    ]);
    expect(texts(merged.segments)).toEqual(['Mein Rohr ist gebrochen.']);
  });

  it('keeps the interim that follows a final and ignores an interim older than it', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('a', 0, 2, 'Erster Satz.'),
      segment('b', 2, 3, 'Zweiter', { isFinal: false }),
      segment('a-late', 0.5, 1.5, 'Erster', { isFinal: false }),
    ]);
    expect(texts(merged.segments)).toEqual(['Erster Satz.', 'Zweiter']);
  });

  it('ignores an interim older than the open interim of the same speaker', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('b', 4, 5, 'neuer', { isFinal: false }),
      segment('a', 1, 2, 'alter', { isFinal: false }),
    ]);
    expect(texts(merged.segments)).toEqual(['neuer']);
  });

  it('trims the oldest segments at the limit and counts them', () => {
    let merged = EMPTY_TRANSCRIPT;
    for (let index = 0; index < 12; index += 1) {
      merged = mergeSegment(merged, segment(`s${index}`, index, index + 0.5, `Zeile ${index}`), 10);
    }
    expect(merged.segments).toHaveLength(10);
    expect(merged.trimmedCount).toBe(2);
    expect(merged.segments[0]!.text).toBe('Zeile 2');
  });

  it('returns only finals for the note draft, in order', () => {
    const merged = mergeSegments(EMPTY_TRANSCRIPT, [
      segment('a', 0, 1, 'eins'),
      segment('b', 2, 3, 'zw', { isFinal: false }),
    ]);
    expect(texts(finalSegments(merged))).toEqual(['eins']);
  });

  it('sorts deterministically with a total order', () => {
    const left = segment('x', 1, 2, 'a');
    const right = segment('y', 1, 2, 'b');
    expect(compareSegments(left, right)).toBeLessThan(0);
    expect(compareSegments(right, left)).toBeGreaterThan(0);
    expect(compareSegments(left, left)).toBe(0);
  });

  it('merges 36,000 live updates (60 minutes at 10 per second) quickly', () => {
    let merged = EMPTY_TRANSCRIPT;
    const started = performance.now();
    for (let update = 0; update < 36_000; update += 1) {
      const line = Math.floor(update / 30);
      const isFinal = update % 30 === 29;
      const speaker = line % 2 === 0 ? 'caller' : 'agent';
      merged = mergeSegment(
        merged,
        segment(`line-${line}`, line * 3, line * 3 + (update % 30) / 10, `Wort ${update}`, {
          isFinal,
          speaker,
        }),
      );
    }
    expect(merged.segments).toHaveLength(1200);
    expect(merged.segments.every((item) => item.isFinal)).toBe(true);
    // Generous bound for a shared 2-core machine; the benchmark prints the real figure.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
