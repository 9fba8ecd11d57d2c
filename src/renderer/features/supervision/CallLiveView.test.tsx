/** @vitest-environment jsdom */
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppClient } from '../../../shared/contract/appContract';
import type { SupervisedCall } from '../../../shared/portalWire/supervisionSchemas';
import { createI18n } from '../../i18n/createI18n';
import { CallLiveView } from './CallLiveView';

const VIEW: SupervisedCall = {
  call: {
    callId: 'call-1',
    clientId: 'client-0',
    line: '+4930111111',
    state: 'handed-over',
    startedAt: '2025-06-10T09:58:00.000Z',
    endedAt: null,
    disclosurePlayed: true,
    consentGiven: true,
    escalation: null,
    acceptedBy: 'agent-1',
    transcriptPeek: [],
    transcript: [
      {
        segmentId: 'b1',
        speaker: 'bot',
        text: 'Hier ist der KI-Assistent.',
        startMs: 0,
        endMs: 1_500,
        final: true,
      },
    ],
    collectedFields: [],
  },
  humanTranscript: [
    { segmentId: 'h1', speaker: 'agent', text: 'Guten Tag.', startMs: 0, endMs: 900 },
    {
      segmentId: 'h2',
      speaker: 'caller',
      text: '<img src=x onerror=alert(1)>',
      startMs: 1_000,
      endMs: 2_000,
    },
  ],
  reviewNotes: [],
};

afterEach(cleanup);

describe('the live view of a call', () => {
  it('shows the bot part and the human part, caller text as text', async () => {
    const client = {
      supervision: { callView: vi.fn(async () => ({ ok: true, value: VIEW })) },
    } as unknown as AppClient;
    render(
      <I18nextProvider i18n={createI18n('de')}>
        <CallLiveView callId="call-1" client={client} onClose={() => undefined} />
      </I18nextProvider>,
    );
    const bot = await screen.findByRole('list', { name: 'Teil des KI-Assistenten' });
    expect(within(bot).getByText('Hier ist der KI-Assistent.')).toBeDefined();
    const human = screen.getByRole('list', { name: 'Teil der Mitarbeiterin / des Mitarbeiters' });
    expect(
      within(human)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Mitarbeiter/in: Guten Tag.', 'Anrufer: <img src=x onerror=alert(1)>']);
    expect(human.querySelector('img')).toBeNull();
  });
});
