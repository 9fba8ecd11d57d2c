/**
 * Asks the host for suggestions after each final caller line of a call. The request carries
 * only this call's recent final lines and the called client (nothing crosses calls or
 * clients); an answer that arrives after a newer one is dropped, so the newest question's card
 * stays on top. Provider trouble arrives as status and degrades quietly; only a failing host
 * call marks the suggestion service unavailable.
 */
import type { ServiceClient } from '../../../shared/contract/contractDefinition';
import type {
  ClientReference,
  suggestionService,
  TranscriptLine,
} from '../../../shared/contract/services/suggestionService';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import type { SuggestionsStore } from './suggestionsStore';

/** The contract takes at most 40 lines; the question is the caller's last final line. */
export const SUGGESTION_CONTEXT_LINES = 40;
const LINE_MAX_LENGTH = 4000;

export type SuggestionClient = ServiceClient<typeof suggestionService>;

/** The last final lines, oldest first, in the contract's shape and limits. */
export function recentLines(
  segments: readonly TranscriptSegment[],
  limit = SUGGESTION_CONTEXT_LINES,
): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (let index = segments.length - 1; index >= 0 && lines.length < limit; index -= 1) {
    const segment = segments[index]!;
    if (!segment.isFinal || segment.text.trim() === '') continue;
    lines.push({ speaker: segment.speaker, text: segment.text.slice(0, LINE_MAX_LENGTH) });
  }
  return lines.reverse();
}

export class SuggestionRequester {
  private sequence = 0;
  private shownSequence = 0;
  /** Switched to the full profile when the host does not know the client id. */
  private reference: ClientReference;

  constructor(
    private readonly callId: string,
    private readonly client: ClientProfile,
    private readonly suggestions: SuggestionClient,
    private readonly store: SuggestionsStore,
  ) {
    this.reference = { clientId: client.id };
  }

  /** Requests suggestions for the caller's latest final line; resolves when shown or dropped. */
  async request(segments: readonly TranscriptSegment[]): Promise<void> {
    const transcript = recentLines(segments);
    // The host takes the caller's last final line as the question, even if the agent spoke after.
    if (!transcript.some((line) => line.speaker === 'caller')) return;
    this.sequence += 1;
    const sequence = this.sequence;
    this.store.getState().requestStarted();
    let result = await this.suggestions.suggest({
      callId: this.callId,
      client: this.reference,
      transcript,
    });
    if (!result.ok && result.error.code === 'not-found' && 'clientId' in this.reference) {
      this.reference = { profile: this.client };
      result = await this.suggestions.suggest({
        callId: this.callId,
        client: this.reference,
        transcript,
      });
    }
    if (!result.ok) {
      this.store.getState().requestFailed();
      return;
    }
    if (sequence < this.shownSequence) {
      // A newer question was answered first; this card would push it down.
      this.store.setState((state) => ({ pendingRequests: Math.max(0, state.pendingRequests - 1) }));
      return;
    }
    this.shownSequence = sequence;
    this.store.getState().addResult(result.value);
  }
}
