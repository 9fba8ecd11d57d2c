import { describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';
import { createApprovedTextAnswerer } from '../voicebot/approvedTextAnswerer';
import { asksForHuman, consentAnswerOf, saysGoodbye } from '../voicebot/callerIntent';
import { CALLER_CONCERNS, heardByAgent, heardUtterances, spokenText } from './callerConcerns';

describe('the demo callers', () => {
  it('call every demo client on one of its own lines, with bot-alone and human concerns', () => {
    for (const client of DEMO_CLIENTS) {
      const ofClient = CALLER_CONCERNS.filter((concern) => concern.clientId === client.id);
      expect(ofClient.length).toBeGreaterThanOrEqual(2);
      for (const concern of ofClient) expect(client.lines).toContain(concern.line);
    }
    expect(CALLER_CONCERNS.some((concern) => concern.wantsHuman)).toBe(true);
    expect(CALLER_CONCERNS.some((concern) => !concern.wantsHuman)).toBe(true);
  });

  it('are understood by the voicebot as they mean it (consent, human, goodbye)', () => {
    for (const concern of CALLER_CONCERNS) {
      const [consent, ...rest] = heardUtterances(concern).map((utterance) => utterance.text);
      expect(consentAnswerOf(consent!)).toBe('given');
      expect(rest.some(asksForHuman)).toBe(concern.wantsHuman);
      expect(rest.some(saysGoodbye)).toBe(!concern.wantsHuman);
      expect(spokenText(concern)).toContain(rest[0]);
      // Only callers who reach a human have something to tell the agent.
      expect(heardByAgent(concern).length > 0).toBe(concern.wantsHuman);
    }
  });

  it('bot-alone concerns are answered from the approved texts, never escalated', async () => {
    const answer = createApprovedTextAnswerer();
    for (const concern of CALLER_CONCERNS.filter((candidate) => !candidate.wantsHuman)) {
      const client = DEMO_CLIENTS.find((candidate) => candidate.id === concern.clientId)!;
      const decision = await answer(client, [concern.sentences[0]!]);
      expect(decision.kind, concern.sentences[0]).toBe('answer');
    }
  });

  it('hear the words in the order they are said, without overlap', () => {
    for (const concern of CALLER_CONCERNS) {
      const heard = heardUtterances(concern);
      for (const [index, utterance] of heard.entries()) {
        expect(utterance.endSeconds).toBeGreaterThan(utterance.startSeconds);
        if (index > 0) expect(utterance.startSeconds).toBeGreaterThan(heard[index - 1]!.endSeconds);
      }
    }
  });
});
