import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotCallSummary } from '../../../shared/contract/services/hybridService';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import { BotCallsArea } from './BotCallsArea';
import { formatDuration } from './BotCallsBoard';
import { hybridStoreFor } from './hybridForWindow';
import { startHybridSync } from './hybridSync';
import { HANDOVER_TOKEN, HybridDeskFake, provideHandoverGate } from './testing/hybridDeskFake';

const CALL_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function botCall(overrides: Partial<BotCallSummary> = {}): BotCallSummary {
  return {
    callId: CALL_ID,
    clientId: 'kanzlei-brandt-okafor',
    line: '+493023125101',
    state: 'with-bot',
    startedAt: new Date(Date.now() - 75_000).toISOString(),
    endedAt: null,
    disclosurePlayed: true,
    consentGiven: true,
    escalation: null,
    acceptedBy: null,
    transcriptPeek: [
      {
        segmentId: 's1',
        speaker: 'bot',
        text: 'Guten Tag, hier ist die KI.',
        startMs: 0,
        endMs: 1,
        final: true,
      },
      {
        segmentId: 's2',
        speaker: 'caller',
        text: 'Ich habe eine Frage.',
        startMs: 2,
        endMs: 3,
        final: true,
      },
      {
        segmentId: 's3',
        speaker: 'bot',
        text: 'Gern, worum geht es?',
        startMs: 4,
        endMs: 5,
        final: true,
      },
      {
        segmentId: 's4',
        speaker: 'caller',
        text: 'Um meinen <b>Termin</b>.',
        startMs: 6,
        endMs: 7,
        final: true,
      },
    ],
    ...overrides,
  };
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function renderBoard(fake = new HybridDeskFake()) {
  const expected: string[] = [];
  const rendered = renderWithDesk(<BotCallsArea />, fake, (environment) => {
    const gate = provideHandoverGate(environment);
    gate.expect = (handover) => expected.push(handover.handoverToken);
  });
  const store = hybridStoreFor(rendered.stores);
  stops.push(
    startHybridSync({
      store,
      client: rendered.environment.client,
      handover: { onAnswered: () => () => undefined },
    }),
  );
  return { ...rendered, fake, store, expected };
}

const rows = () => screen.queryAllByTestId('bot-call-row');

describe('bot calls board', () => {
  it('lists every live bot call with client, line, duration, state and the last lines', async () => {
    const fake = new HybridDeskFake();
    fake.botCalls = [botCall()];
    await renderBoard(fake);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    await waitFor(() => expect(row.textContent).toContain('Kanzlei Brandt & Okafor'));
    // The dialled line as agents read it, not in E.164.
    expect(row.textContent).toContain('030 23125101');
    expect(within(row).getByTestId('bot-call-state').textContent).toBe('beim KI-Assistenten');
    expect(row.querySelector('.bot-call-duration')?.textContent).toMatch(/^1:1[5-9]$/);
    const peek = within(row)
      .getAllByRole('listitem')
      .map((line) => line.textContent);
    expect(peek).toEqual([
      'Anrufer: Ich habe eine Frage.',
      'KI-Assistent: Gern, worum geht es?',
      'Anrufer: Um meinen <b>Termin</b>.',
    ]);
    expect(row.querySelector('b')).toBeNull();
  });

  it('follows the portal: a new call appears, its transcript grows, an ended call goes', async () => {
    const { fake } = await renderBoard();
    expect(await screen.findByTestId('bot-calls-empty')).toBeDefined();
    const { transcriptPeek: _peek, ...summary } = botCall({ transcriptPeek: [] });
    act(() => fake.emitHybrid('onBotCallUpdated', { ...summary, at: new Date().toISOString() }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    act(() =>
      fake.emitHybrid('onBotCallTranscript', {
        callId: CALL_ID,
        clientId: 'kanzlei-brandt-okafor',
        segments: [
          {
            segmentId: 'n1',
            speaker: 'caller',
            text: 'Ich möchte einen Menschen sprechen.',
            startMs: 9,
            endMs: 10,
            final: true,
          },
        ],
      }),
    );
    expect(rows()[0]!.textContent).toContain('Ich möchte einen Menschen sprechen.');
    act(() =>
      fake.emitHybrid('onBotCallUpdated', {
        ...summary,
        state: 'waiting-for-agent',
        at: new Date().toISOString(),
      }),
    );
    expect(within(rows()[0]!).getByTestId('bot-call-state').textContent).toBe(
      'wartet auf Mitarbeiter',
    );
    act(() =>
      fake.emitHybrid('onBotCallUpdated', {
        ...summary,
        state: 'ended',
        at: new Date().toISOString(),
      }),
    );
    expect(rows()).toHaveLength(0);
  });

  it('"Übernehmen" claims the call for this agent and hands the token to the softphone', async () => {
    const fake = new HybridDeskFake();
    fake.botCalls = [botCall()];
    const { expected } = await renderBoard(fake);
    await waitFor(() => expect(rows()).toHaveLength(1));
    const button = within(rows()[0]!).getByRole('button', { name: 'Übernehmen' });
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    await waitFor(() =>
      expect(rows()[0]!.textContent).toContain('Übernommen – der Anruf kommt gleich.'),
    );
    expect(fake.takenOver).toEqual([CALL_ID]);
    expect(expected).toEqual([HANDOVER_TOKEN]);
    expect(within(rows()[0]!).queryByRole('button', { name: 'Übernehmen' })).toBeNull();
  });

  it('says when a colleague was faster', async () => {
    const fake = new HybridDeskFake();
    fake.botCalls = [botCall()];
    fake.claimAnswer = { kind: 'already-taken' };
    const { expected } = await renderBoard(fake);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(within(rows()[0]!).getByRole('button', { name: 'Übernehmen' }));
    await waitFor(() => expect(rows()[0]!.textContent).toContain('Bereits übernommen.'));
    expect(expected).toEqual([]);
  });
});

describe('formatDuration', () => {
  it('formats minutes and hours', () => {
    const start = '2026-12-06T10:00:00.000Z';
    expect(formatDuration(start, Date.parse(start) + 5_000)).toBe('0:05');
    expect(formatDuration(start, Date.parse(start) + 3_725_000)).toBe('1:02:05');
    expect(formatDuration(start, Date.parse(start) - 5_000)).toBe('0:00');
  });
});

describe('bot calls board, claimed calls', () => {
  it('offers no take-over for a call someone accepted already', async () => {
    const fake = new HybridDeskFake();
    fake.botCalls = [botCall({ acceptedBy: 'user-2', state: 'waiting-for-agent' })];
    await renderBoard(fake);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).queryByRole('button', { name: 'Übernehmen' })).toBeNull();
    expect(rows()[0]!.textContent).toContain('Angenommen – wird übergeben');
  });
});
