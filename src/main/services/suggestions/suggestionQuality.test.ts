import { describe, expect, it } from 'vitest';
import {
  HELD_OUT_QUESTIONS,
  LABELLED_QUESTIONS,
  type LabelledQuestion,
} from './suggestionQuestions';
import { cardLabel, createTestSuggestionService } from './suggestionTestSupport';

const MINIMUM_ACCURACY = 0.85;
/** A regression floor for the colloquial set (measured 74 %; see suggestionQuestions.ts). */
const MINIMUM_HELD_OUT_ACCURACY = 0.65;

async function measure(name: string, questions: readonly LabelledQuestion[]): Promise<number> {
  const service = createTestSuggestionService();
  const misses: string[] = [];
  for (const [index, labelled] of questions.entries()) {
    const result = await service.methods.suggest({
      callId: `quality-${index}`,
      client: { clientId: labelled.clientId },
      transcript: [{ speaker: 'caller', text: labelled.question }],
    });
    const label = cardLabel(result.card);
    if (label !== labelled.expected) misses.push(`${labelled.expected} ← got ${label}`);
  }
  const accuracy = 1 - misses.length / questions.length;
  const escalations = questions.filter((question) => question.expected === 'escalate').length;
  console.log(
    `${name}: top-1 accuracy ${(accuracy * 100).toFixed(1)} % ` +
      `(${questions.length - misses.length}/${questions.length} questions, ${escalations} escalations)`,
  );
  for (const miss of misses) console.log(`  miss: ${miss}`);
  return accuracy;
}

describe('built-in suggestion quality on labelled German caller questions', () => {
  it(`reaches top-1 accuracy of at least ${MINIMUM_ACCURACY * 100} % on the labelled set`, async () => {
    expect(LABELLED_QUESTIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LABELLED_QUESTIONS.map((question) => question.clientId)).size).toBe(3);
    const accuracy = await measure('labelled questions', LABELLED_QUESTIONS);
    expect(accuracy).toBeGreaterThanOrEqual(MINIMUM_ACCURACY);
  });

  it('keeps its floor on colloquial, unpunctuated questions', async () => {
    const accuracy = await measure('colloquial questions', HELD_OUT_QUESTIONS);
    expect(accuracy).toBeGreaterThanOrEqual(MINIMUM_HELD_OUT_ACCURACY);
  });
});
