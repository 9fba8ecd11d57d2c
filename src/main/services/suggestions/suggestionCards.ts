/**
 * Builds the cards the agent sees from built-in or model decisions. An answer card always
 * carries the citation of an approved text of the called client; an escalation card carries
 * forward targets from that client's staff only.
 */
import type {
  AnswerCard,
  Citation,
  EscalationCard,
  SuggestionCard,
} from '../../../shared/contract/services/suggestionService';
import type { ApprovedText, ClientProfile } from '../../../shared/domain/clientProfile';
import type { RankedText } from '../../../shared/suggestions/approvedTextIndex';
import type { BuiltInSuggestion } from '../../../shared/suggestions/builtInSuggester';
import { selectForwardTargets } from '../../../shared/suggestions/forwardTargets';
import type { JudgementArea } from '../../../shared/suggestions/judgementRequestDetector';

export interface CardBase {
  readonly suggestionId: string;
  readonly callId: string;
  readonly clientId: string;
  readonly revision: number;
  readonly injectionSuspected: boolean;
}

const citationOf = (text: ApprovedText): Citation => ({ textId: text.id, title: text.title });

export function answerCard(
  base: CardBase,
  chosen: ApprovedText,
  candidates: readonly RankedText[],
  answer: { text: string; verbatim: boolean; source: AnswerCard['source']; confidence: number },
): AnswerCard {
  return {
    ...base,
    kind: 'answer',
    citation: citationOf(chosen),
    text: answer.text,
    verbatim: answer.verbatim,
    source: answer.source,
    confidence: answer.confidence,
    alternatives: candidates
      .filter((candidate) => candidate.text.id !== chosen.id)
      .slice(0, 3)
      .map((candidate) => citationOf(candidate.text)),
  };
}

export function escalationCard(
  base: CardBase,
  client: Pick<ClientProfile, 'staff'>,
  escalation: {
    reason: EscalationCard['reason'];
    judgementArea?: JudgementArea;
    staffIds?: readonly string[];
  },
): EscalationCard {
  const targets = selectForwardTargets(client, {
    staffIds: escalation.staffIds ?? [],
    judgementArea: escalation.judgementArea,
  });
  return {
    ...base,
    kind: 'escalate',
    reason: escalation.reason,
    ...(escalation.judgementArea ? { judgementArea: escalation.judgementArea } : {}),
    forwardTo: targets.map((member) => ({
      staffId: member.id,
      name: member.name,
      function: member.function,
      presence: member.presence,
      transferTarget: member.transferTarget,
    })),
  };
}

/** The card of the built-in method: the best approved text verbatim, or an escalation. */
export function builtInCard(
  base: CardBase,
  client: Pick<ClientProfile, 'staff'>,
  suggestion: BuiltInSuggestion,
): SuggestionCard {
  const best = suggestion.candidates[0];
  if (suggestion.decision === 'answer' && best) {
    return answerCard(base, best.text, suggestion.candidates, {
      text: best.text.text,
      verbatim: true,
      source: 'retrieval',
      confidence: suggestion.confidence,
    });
  }
  return escalationCard(base, client, {
    reason: suggestion.reason ?? 'no-match',
    judgementArea: suggestion.judgementArea,
    staffIds: suggestion.requestedStaffIds,
  });
}
