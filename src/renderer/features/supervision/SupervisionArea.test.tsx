/**
 * The board area over a scripted host: lines with their counts and service level, a waiting
 * call that appears on an event, agent actions, alerts with their OS notification and
 * acknowledgement; and the whisper list of the agent's call card.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import { SupervisionArea } from './SupervisionArea';
import { WhisperList } from './WhisperNotices';
import { lineNumber } from './testing/boardFixtures';
import { SupervisionDeskFake } from './testing/supervisionDeskFake';

const CALL_ID = '0b7f3c1e-2d4a-4f5b-9c6d-7e8f9a0b1c2d';

function notifier() {
  const shown: string[] = [];
  const dismissed: string[] = [];
  return {
    shown,
    dismissed,
    incoming: (id: string) => shown.push(id),
    dismiss: (id: string) => dismissed.push(id),
  };
}

describe('SupervisionArea', () => {
  it('shows lines with counts and service level, and a waiting call as it comes', async () => {
    const fake = new SupervisionDeskFake();
    renderWithDesk(<SupervisionArea notifier={notifier()} />, fake);
    const row = await screen.findByTestId(`line-${lineNumber(0)}`);
    expect(within(row).getByTestId('line-with-bot').textContent).toBe('2');
    expect(within(row).getByTestId('line-service-level').textContent).toContain('75 %');
    expect(within(row).getByTestId('line-service-level').className).toContain('below-target');
    act(() =>
      fake.emitBoard({
        type: 'bot-call.updated',
        at: new Date().toISOString(),
        clientId: 'client-0',
        callId: 'call-0',
        line: lineNumber(0),
        state: 'waiting-for-agent',
        consentGiven: true,
        escalation: {
          reason: 'caller-asked-for-human',
          urgency: 'emergency',
          summary: '',
          requestedAt: new Date(Date.now() - 65_000).toISOString(),
        },
      }),
    );
    expect(within(row).getByTestId('line-waiting').textContent).toBe('1');
    expect(within(row).getByTestId('line-with-bot').textContent).toBe('1');
    const waiting = within(screen.getByTestId(`waiting-line-${lineNumber(0)}`)).getByTestId(
      'waiting-call-0',
    );
    expect(within(waiting).getByTestId('waiting-time').textContent).toMatch(/^1:0\d$/);
    expect(waiting.className).toContain('urgent');
  });

  it('sets an agent not ready and shows the state the portal reports', async () => {
    const fake = new SupervisionDeskFake();
    renderWithDesk(<SupervisionArea notifier={notifier()} />, fake);
    const row = await screen.findByTestId('agent-agent-1');
    fireEvent.click(within(row).getByRole('button', { name: 'Nicht bereit setzen' }));
    await waitFor(() => expect(fake.notReady).toEqual([['agent-1', 'Von der Aufsicht pausiert']]));
    act(() =>
      fake.emitBoard({
        type: 'presence.changed',
        at: new Date().toISOString(),
        userId: 'agent-1',
        state: 'break',
        reason: 'Von der Aufsicht pausiert',
      }),
    );
    expect(within(row).getByTestId('agent-state').textContent).toBe(
      'nicht bereit (Von der Aufsicht pausiert)',
    );
  });

  it('notifies an alert once, acknowledges it and then dismisses the notification', async () => {
    const fake = new SupervisionDeskFake();
    fake.board = {
      ...fake.board,
      alerts: [
        {
          key: `no-agent:${lineNumber(1)}:2025-06-10`,
          kind: 'no-agent',
          clientId: 'client-1',
          line: lineNumber(1),
          callId: null,
          since: fake.board.at,
          acknowledgedBy: null,
        },
      ],
    };
    const alerts = notifier();
    renderWithDesk(<SupervisionArea notifier={alerts} />, fake);
    const alert = await screen.findByTestId('alert-no-agent');
    expect(alerts.shown).toEqual([`alert-no-agent:${lineNumber(1)}:2025-06-10`]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Bestätigen' }));
    await waitFor(() => expect(within(alert).queryByRole('button')).toBeNull());
    expect(fake.acknowledged).toEqual([['client-1', `no-agent:${lineNumber(1)}:2025-06-10`]]);
    expect(alerts.dismissed).toEqual(alerts.shown);
  });
});

describe('WhisperList', () => {
  it('shows the whispers of this call as text, and a new one when announced', async () => {
    const fake = new SupervisionDeskFake();
    fake.whispers = [
      { id: 'w1', callId: CALL_ID, fromUserId: 's', text: '<b>Rückruf</b> anbieten', sentAt: '' },
      { id: 'w2', callId: 'other-call', fromUserId: 's', text: 'Nicht hier', sentAt: '' },
    ];
    renderWithDesk(<WhisperList callId={CALL_ID} />, fake);
    const first = await screen.findByTestId('whisper');
    expect(first.textContent).toBe('<b>Rückruf</b> anbieten');
    expect(first.querySelector('b')).toBeNull();
    fake.whispers.push({ id: 'w3', callId: CALL_ID, fromUserId: 's', text: 'Danke', sentAt: '' });
    act(() => fake.emitWhisper({ at: '', agentUserId: 'a', callId: CALL_ID, whisperId: 'w3' }));
    await waitFor(() => expect(screen.getAllByTestId('whisper')).toHaveLength(2));
    expect(screen.queryByText('Nicht hier')).toBeNull();
  });
});
