/**
 * Sends the human part of a taken-over call to the portal, so the supervisor's read-only view
 * shows the whole transcript: every final segment of the desk's live transcript, once, in
 * batches, one request at a time. A failed request is retried with the next segment; the
 * portal refusing (`forbidden`: not this agent's call, `conflict`: the call ended) stops it.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { HumanTranscriptSegment } from '../../../shared/portalWire/supervisionSchemas';
import type { TranscriptStore } from '../transcript/transcriptStore';

/** The portal takes at most this many segments per request. */
const BATCH_SIZE = 50;
const FINAL_REFUSALS = new Set(['forbidden', 'conflict', 'not-found']);

export function startHumanTranscriptReport(options: {
  botCallId: string;
  transcript: TranscriptStore;
  client: Pick<AppClient, 'hybrid'>;
}): () => void {
  const sent = new Set<string>();
  let sending = false;
  let stopped = false;
  const pending = (): HumanTranscriptSegment[] =>
    options.transcript
      .getState()
      .transcript.segments.filter((segment) => segment.isFinal && !sent.has(segment.segmentId))
      .slice(0, BATCH_SIZE)
      .map((segment) => ({
        segmentId: segment.segmentId,
        speaker: segment.speaker,
        text: segment.text,
        startMs: Math.round(segment.startSeconds * 1000),
        endMs: Math.round(segment.endSeconds * 1000),
      }));
  const flush = async (): Promise<void> => {
    if (sending || stopped) return;
    const batch = pending();
    if (batch.length === 0) return;
    sending = true;
    const answer = await options.client.hybrid.reportHumanTranscript(options.botCallId, batch);
    sending = false;
    if (answer.ok) {
      for (const segment of batch) sent.add(segment.segmentId);
      void flush();
    } else if (FINAL_REFUSALS.has(answer.error.code)) {
      stopped = true;
    }
  };
  const unsubscribe = options.transcript.subscribe(() => void flush());
  void flush();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
