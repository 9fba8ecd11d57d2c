/**
 * The status the UI shows for AI assistance: retrieval always works; the model is off (not
 * configured), ready, or unavailable with the reason of its last failure. A provider failure
 * never fails a request: it only changes this status.
 */
import type { AssistantStatus } from '../../../shared/contract/services/suggestionService';
import type { ModelFailureReason } from './structuredChat';

export function modelOffStatus(): AssistantStatus {
  return { retrieval: 'ready', model: 'off', modelReason: 'not-configured' };
}

/** The status after a model request; a cancelled request changes nothing worth showing. */
export function assistantStatusAfter(
  result: { ok: true } | { ok: false; reason: ModelFailureReason },
): AssistantStatus {
  if (result.ok) return { retrieval: 'ready', model: 'ready' };
  if (result.reason === 'cancelled') return { retrieval: 'ready', model: 'ready' };
  return { retrieval: 'ready', model: 'unavailable', modelReason: result.reason };
}
