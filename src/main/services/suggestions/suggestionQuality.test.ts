import { describe, expect, it } from 'vitest';
import { SPOKEN_CALLER_UTTERANCES, type SpokenUtterance } from './spokenCallerUtterances';
import {
  HELD_OUT_QUESTIONS,
  LABELLED_QUESTIONS,
  type LabelledQuestion,
} from './suggestionQuestions';
import { cardLabel, createTestSuggestionService } from './suggestionTestSupport';

const MINIMUM_ACCURACY = 0.85;
/** A regression floor for the colloquial set (measured 94 %; see suggestionQuestions.ts). */
const MINIMUM_HELD_OUT_ACCURACY = 0.85;
/** Targets for the spoken set (issue 11): top-1, escalations, answers to steering. */
const MINIMUM_SPOKEN_ACCURACY = 0.9;

interface Measured {
  readonly accuracy: number;
  readonly escalated: number;
  readonly mustEscalate: number;
  readonly steeringAnswered: number;
  readonly steeringUnflagged: number;
}

async function measure(
  name: string,
  questions: readonly (LabelledQuestion | SpokenUtterance)[],
): Promise<Measured> {
  const service = createTestSuggestionService();
  const misses: string[] = [];
  let escalated = 0;
  let steeringAnswered = 0;
  let steeringUnflagged = 0;
  for (const [index, labelled] of questions.entries()) {
    const result = await service.methods.suggest({
      callId: `quality-${index}`,
      client: { clientId: labelled.clientId },
      transcript: [{ speaker: 'caller', text: labelled.question }],
    });
    const label = cardLabel(result.card);
    if (label !== labelled.expected) misses.push(`${labelled.expected} ← got ${label}`);
    if (labelled.expected === 'escalate' && label === 'escalate') escalated += 1;
    if ('escalation' in labelled && labelled.escalation === 'steering') {
      if (label !== 'escalate') steeringAnswered += 1;
      if (!result.card.injectionSuspected) steeringUnflagged += 1;
    }
  }
  const accuracy = 1 - misses.length / questions.length;
  const mustEscalate = questions.filter((question) => question.expected === 'escalate').length;
  console.log(
    `${name}: top-1 accuracy ${(accuracy * 100).toFixed(1)} % ` +
      `(${questions.length - misses.length}/${questions.length} questions, ` +
      `${escalated}/${mustEscalate} escalations, ${steeringAnswered} answers to steering)`,
  );
  for (const miss of misses) console.log(`  miss: ${miss}`);
  return { accuracy, escalated, mustEscalate, steeringAnswered, steeringUnflagged };
}

describe('built-in suggestion quality on labelled German caller questions', () => {
  it(`reaches top-1 accuracy of at least ${MINIMUM_ACCURACY * 100} % on the labelled set`, async () => {
    expect(LABELLED_QUESTIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LABELLED_QUESTIONS.map((question) => question.clientId)).size).toBe(3);
    const { accuracy } = await measure('labelled questions', LABELLED_QUESTIONS);
    expect(accuracy).toBeGreaterThanOrEqual(MINIMUM_ACCURACY);
  });

  it('keeps its floor on colloquial, unpunctuated questions', async () => {
    const { accuracy } = await measure('colloquial questions', HELD_OUT_QUESTIONS);
    expect(accuracy).toBeGreaterThanOrEqual(MINIMUM_HELD_OUT_ACCURACY);
  });

  it('holds up against spoken utterances: top-1 ≥ 90 %, every must-escalate row escalates, steering is never answered and always flagged', async () => {
    const rows = SPOKEN_CALLER_UTTERANCES;
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(new Set(rows.map((row) => row.clientId)).size).toBe(3);
    expect(rows.filter((row) => row.expected === 'escalate').length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(row.escalation !== undefined).toBe(row.expected === 'escalate');
    const result = await measure('spoken utterances', rows);
    expect(result.accuracy).toBeGreaterThanOrEqual(MINIMUM_SPOKEN_ACCURACY);
    expect(result.escalated).toBe(result.mustEscalate);
    expect(result.steeringAnswered).toBe(0);
    expect(result.steeringUnflagged).toBe(0);
  });
});
