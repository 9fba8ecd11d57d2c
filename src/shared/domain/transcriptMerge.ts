/**
 * Merges live transcript segments (from `transcription.onSegment`) into one ordered transcript.
 * Pure, so the transcript store, its tests and the benchmark share one implementation.
 *
 * Rules the merge MUST keep:
 * - a segment replaces the one with the same `segmentId` (interim → newer interim → final);
 * - a final segment is never downgraded: a late interim or a duplicate of it changes nothing;
 * - one open interim per speaker: a new interim replaces an older interim of that speaker, and a
 *   final removes that speaker's interims that start before the final ends (providers re-issue
 *   the utterance being recognised, so a stale interim would show the same words twice);
 * - order is by start time, then end time, caller before agent, then id — so segments that
 *   arrive out of order, and the two channels, interleave as they were spoken;
 * - a merge that changes nothing returns the same transcript object (stores skip a re-render).
 */
import type { Speaker, TranscriptSegment } from '../contract/services/transcriptionService';

/** Lines kept per call; matches the cap on final segments in the transcription contract. */
export const TRANSCRIPT_SEGMENT_LIMIT = 10_000;

/** An ordered, immutable transcript of one call. */
export interface Transcript {
  readonly segments: readonly TranscriptSegment[];
  /** Counts up with every change, so views can cheaply tell that something moved. */
  readonly version: number;
  /** Segments removed from the start because the transcript reached its limit. */
  readonly trimmedCount: number;
}

export const EMPTY_TRANSCRIPT: Transcript = { segments: [], version: 0, trimmedCount: 0 };

const SPEAKER_ORDER: Record<Speaker, number> = { caller: 0, agent: 1 };

/** Negative when `left` was spoken before `right`. Total order, so sorting is deterministic. */
export function compareSegments(left: TranscriptSegment, right: TranscriptSegment): number {
  return (
    left.startSeconds - right.startSeconds ||
    left.endSeconds - right.endSeconds ||
    SPEAKER_ORDER[left.speaker] - SPEAKER_ORDER[right.speaker] ||
    (left.segmentId < right.segmentId ? -1 : left.segmentId > right.segmentId ? 1 : 0)
  );
}

function sameContent(left: TranscriptSegment, right: TranscriptSegment): boolean {
  return (
    left.text === right.text &&
    left.isFinal === right.isFinal &&
    left.speaker === right.speaker &&
    left.startSeconds === right.startSeconds &&
    left.endSeconds === right.endSeconds
  );
}

/** Index at which `segment` belongs in the sorted list; searched from the end (live tail). */
function insertionIndex(segments: readonly TranscriptSegment[], segment: TranscriptSegment) {
  let index = segments.length;
  while (index > 0 && compareSegments(segments[index - 1]!, segment) > 0) index -= 1;
  return index;
}

/** Whether `existing` must go because `incoming` supersedes it (see the rules above). */
function isSuperseded(existing: TranscriptSegment, incoming: TranscriptSegment): boolean {
  if (existing.segmentId === incoming.segmentId) return true;
  if (existing.isFinal || existing.speaker !== incoming.speaker) return false;
  return incoming.isFinal ? existing.startSeconds < incoming.endSeconds : true;
}

/** Merges one segment; returns `transcript` itself when nothing changed. */
export function mergeSegment(
  transcript: Transcript,
  segment: TranscriptSegment,
  limit = TRANSCRIPT_SEGMENT_LIMIT,
): Transcript {
  const { segments } = transcript;
  // Most updates concern the live tail, so look for the same id from the end.
  let existingIndex = -1;
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    if (segments[index]!.segmentId === segment.segmentId) {
      existingIndex = index;
      break;
    }
  }
  const existing = existingIndex >= 0 ? segments[existingIndex]! : undefined;
  if (existing && existing.isFinal && !segment.isFinal) return transcript;
  if (existing && sameContent(existing, segment)) return transcript;
  // A late interim for an utterance whose final is already there would show words twice, and
  // one older than the speaker's open interim would roll the live line back.
  if (
    !segment.isFinal &&
    (hasCoveringFinal(segments, segment) || hasNewerInterim(segments, segment))
  )
    return transcript;

  const kept = segments.filter((candidate) => !isSuperseded(candidate, segment));
  const index = insertionIndex(kept, segment);
  kept.splice(index, 0, segment);
  const overflow = Math.max(0, kept.length - limit);
  return {
    segments: overflow > 0 ? kept.slice(overflow) : kept,
    version: transcript.version + 1,
    trimmedCount: transcript.trimmedCount + overflow,
  };
}

/** Merges many segments in arrival order. */
export function mergeSegments(
  transcript: Transcript,
  incoming: readonly TranscriptSegment[],
  limit = TRANSCRIPT_SEGMENT_LIMIT,
): Transcript {
  let merged = transcript;
  for (const segment of incoming) merged = mergeSegment(merged, segment, limit);
  return merged;
}

function hasNewerInterim(segments: readonly TranscriptSegment[], interim: TranscriptSegment) {
  return segments.some(
    (candidate) =>
      !candidate.isFinal &&
      candidate.speaker === interim.speaker &&
      candidate.segmentId !== interim.segmentId &&
      candidate.startSeconds > interim.startSeconds,
  );
}

function hasCoveringFinal(segments: readonly TranscriptSegment[], interim: TranscriptSegment) {
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const candidate = segments[index]!;
    if (candidate.endSeconds <= interim.startSeconds) {
      // Sorted by start: once a segment ends before this one starts, earlier ones may still
      // overlap only when they are very long; keep scanning a little but stop at finals.
      if (candidate.isFinal && candidate.speaker === interim.speaker) return false;
      continue;
    }
    if (
      candidate.isFinal &&
      candidate.speaker === interim.speaker &&
      candidate.startSeconds <= interim.startSeconds &&
      candidate.endSeconds >= interim.endSeconds
    ) {
      return true;
    }
  }
  return false;
}

/** The final lines, oldest first, for suggestions and the note draft. */
export function finalSegments(transcript: Transcript): TranscriptSegment[] {
  return transcript.segments.filter((segment) => segment.isFinal);
}
