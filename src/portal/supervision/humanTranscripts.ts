/**
 * The human part of a live call's transcript (after the handover), as the agent's desk reports
 * it, for the supervisor's read-only live view. Kept in this process's memory only and dropped
 * when the call ends: the desk keeps the transcript under the client's retention rules; the
 * portal needs it only while someone may watch the call live (so RAM-only clients need no
 * exception). Not shared between two portal processes (the view then shows the bot part only).
 */
import type { EventHub } from '../events/eventHub';
import type { HumanTranscriptSegment } from '../../shared/portalWire/supervisionSchemas';

/** Per call; older segments give way (a call of several hours stays bounded). */
const MAXIMUM_SEGMENTS_PER_CALL = 2_000;
/** Calls held at once; the oldest call's copy gives way (a desk that never ends its calls). */
const MAXIMUM_CALLS = 2_000;

export class HumanTranscripts {
  private readonly calls = new Map<string, Map<string, HumanTranscriptSegment>>();

  /** Drops a call's copy when the portal announces its end. */
  constructor(events: EventHub) {
    events.subscribe((event) => {
      if (event.type === 'bot-call.updated' && event.state === 'ended') this.drop(event.callId);
    });
  }

  /** Adds or replaces segments (by segment ID) of a live call. */
  put(callId: string, segments: readonly HumanTranscriptSegment[]): void {
    let call = this.calls.get(callId);
    if (!call) {
      if (this.calls.size >= MAXIMUM_CALLS) this.drop(this.calls.keys().next().value!);
      call = new Map();
      this.calls.set(callId, call);
    }
    for (const segment of segments) {
      call.delete(segment.segmentId);
      call.set(segment.segmentId, segment);
      if (call.size > MAXIMUM_SEGMENTS_PER_CALL) call.delete(call.keys().next().value!);
    }
  }

  /** The call's human part in spoken order. */
  read(callId: string): HumanTranscriptSegment[] {
    return [...(this.calls.get(callId)?.values() ?? [])].sort(
      (left, right) => left.startMs - right.startMs,
    );
  }

  drop(callId: string): void {
    this.calls.delete(callId);
  }
}
