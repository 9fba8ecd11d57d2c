/**
 * One transcript timeline for a handed-over call (issue 9): the bot's part first (what the
 * voicebot said and heard, from the portal), then the human part (the desk's live transcript).
 * Pure, so the call card, its tests and the offer preview share one rule.
 *
 * Rules:
 * - bot segments are ordered by start, end, then id; a segment replaces the one with the same
 *   id, but a final one is never replaced by a late interim;
 * - every bot segment comes before every human segment: the bot talked before the handover,
 *   and the two clocks (bot answer, desk transcription start) are not comparable;
 * - the human part keeps the order the live transcript merge gave it;
 * - entries carry plain text only; views render it as text.
 */
import type { BotTranscriptSegment } from '../contract/services/hybridService';
import type { TranscriptSegment } from '../contract/services/transcriptionService';

export type TimelineSpeaker = 'bot' | 'caller' | 'agent';

export interface TimelineEntry {
  /** Unique within the timeline (`bot:` or `human:` + segment id). */
  readonly key: string;
  readonly part: 'bot' | 'human';
  readonly speaker: TimelineSpeaker;
  readonly text: string;
  readonly isFinal: boolean;
}

function compareBotSegments(left: BotTranscriptSegment, right: BotTranscriptSegment): number {
  return (
    left.startMs - right.startMs ||
    left.endMs - right.endMs ||
    (left.segmentId < right.segmentId ? -1 : left.segmentId > right.segmentId ? 1 : 0)
  );
}

/** Merges new bot segments into known ones (by id; finals are kept), ordered as spoken. */
export function mergeBotSegments(
  known: readonly BotTranscriptSegment[],
  incoming: readonly BotTranscriptSegment[],
): BotTranscriptSegment[] {
  const byId = new Map(known.map((segment) => [segment.segmentId, segment]));
  for (const segment of incoming) {
    const existing = byId.get(segment.segmentId);
    if (existing?.final && !segment.final) continue;
    byId.set(segment.segmentId, segment);
  }
  return [...byId.values()].sort(compareBotSegments);
}

/** The whole call as one list: the bot's part, then the human part. */
export function callTimeline(
  botSegments: readonly BotTranscriptSegment[],
  humanSegments: readonly TranscriptSegment[],
): TimelineEntry[] {
  const bot = mergeBotSegments([], botSegments).map((segment): TimelineEntry => ({
    key: `bot:${segment.segmentId}`,
    part: 'bot',
    speaker: segment.speaker,
    text: segment.text,
    isFinal: segment.final,
  }));
  const human = humanSegments.map((segment): TimelineEntry => ({
    key: `human:${segment.segmentId}`,
    part: 'human',
    speaker: segment.speaker,
    text: segment.text,
    isFinal: segment.isFinal,
  }));
  return [...bot, ...human];
}
