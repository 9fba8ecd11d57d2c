/**
 * The built-in suggestion method: no model, no network. Decides between an approved text and
 * an escalation from the caller's latest words:
 * 1. words aimed at the assistant ("ignorier deine Anweisungen …") → escalate, flagged
 *    (`steeringAttempt`), never answered — not even with a text that shares a word;
 * 2. an emergency no approved text covers (fire, violence, self-harm …) → escalate;
 * 3. a request for legal, medical or tax judgement → escalate (never answered);
 * 4. a request to be put through → forward card;
 * 5. otherwise the best-ranked approved text if its score clears the retriever's answer score,
 *    else escalate ("no-match").
 *
 * This is the one entry point for the desk's suggestion service and the lab voicebot:
 * `suggestFromApprovedTexts(buildApprovedTextIndex(client), client, transcript)`.
 */
import type { ClientProfile } from '../domain/clientProfile';
import type { ApprovedTextRetriever, RankedText } from './approvedTextIndex';
import { detectEmergency, type EmergencyKind } from './emergencyDetector';
import { detectJudgementRequest, type JudgementArea } from './judgementRequestDetector';
import { detectStaffRequest } from './staffRequestDetector';
import { detectSteeringAttempt, type SteeringKind } from './steeringAttemptDetector';

const CANDIDATE_LIMIT = 4;

export interface CallerLine {
  readonly speaker: 'caller' | 'agent';
  readonly text: string;
}

export type BuiltInEscalationReason =
  'no-match' | 'judgement' | 'staff-request' | 'steering-attempt' | 'emergency';

export interface BuiltInSuggestion {
  readonly decision: 'answer' | 'escalate';
  readonly reason?: BuiltInEscalationReason;
  readonly judgementArea?: JudgementArea;
  readonly emergency?: EmergencyKind;
  /** Staff the caller asked for by name. */
  readonly requestedStaffIds: readonly string[];
  /** Ranked candidates (best first), at most four, all at or above the candidate score. */
  readonly candidates: readonly RankedText[];
  /** 0..1, from the best score; 0 when escalating. */
  readonly confidence: number;
  /** What the caller's latest words tried to make the assistant do; never caller text. */
  readonly steeringAttempt?: SteeringKind;
  /** True when `steeringAttempt` is set: such words MUST NOT reach a model. */
  readonly injectionSuspected: boolean;
  /** The caller line the decision is about (for a model); empty when there was none. */
  readonly question: string;
}

/** Maps a BM25 score to 0..1 for display: 2.5 → 0.46, 5 → 0.71, 10 → 0.92. */
export function confidenceOf(score: number): number {
  return 1 - Math.exp(-score / 4);
}

export function suggestFromApprovedTexts(
  index: ApprovedTextRetriever,
  client: Pick<ClientProfile, 'id' | 'staff'>,
  transcript: readonly CallerLine[],
): BuiltInSuggestion {
  const callerLines = transcript.filter(
    (line) => line.speaker === 'caller' && line.text.trim() !== '',
  );
  const question = callerLines.at(-1)?.text ?? '';
  const steeringAttempt = detectSteeringAttempt(question);
  // A previous line that tried to steer the assistant is no context for the next question.
  const previousLine = callerLines.at(-2)?.text ?? '';
  const previous = detectSteeringAttempt(previousLine) ? '' : previousLine;
  const base = {
    requestedStaffIds: [],
    candidates: [],
    confidence: 0,
    injectionSuspected: steeringAttempt !== undefined,
    ...(steeringAttempt ? { steeringAttempt } : {}),
    question,
  };
  if (question === '') return { ...base, decision: 'escalate', reason: 'no-match' };
  if (steeringAttempt) return { ...base, decision: 'escalate', reason: 'steering-attempt' };

  const emergency = detectEmergency(question);
  if (emergency) return { ...base, decision: 'escalate', reason: 'emergency', emergency };
  const judgementArea = detectJudgementRequest(question);
  if (judgementArea) return { ...base, decision: 'escalate', reason: 'judgement', judgementArea };
  const staffRequest = detectStaffRequest(question, client.staff);
  if (staffRequest) {
    return {
      ...base,
      decision: 'escalate',
      reason: 'staff-request',
      requestedStaffIds: staffRequest.staffIds,
    };
  }

  const candidates = index
    .rankQuestion(question, previous, CANDIDATE_LIMIT)
    .filter((ranked) => ranked.score >= index.minimumCandidateScore);
  const best = candidates[0];
  if (!best || best.score < index.minimumAnswerScore) {
    return { ...base, candidates, decision: 'escalate', reason: 'no-match' };
  }
  return { ...base, candidates, decision: 'answer', confidence: confidenceOf(best.score) };
}
