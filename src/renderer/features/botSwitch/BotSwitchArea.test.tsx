/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { BotSwitchStateSchema } from '../../../shared/portalWire/operationsSchemas';
import { BotAnswersIndicator } from './BotAnswersIndicator';
import { BotSwitchArea } from './BotSwitchArea';
import { renderWithClient } from './testing/renderWithClient';

type BotSwitchState = z.infer<typeof BotSwitchStateSchema>;
const LINE = '+4930111111';

function stateWith(lineMode: 'on' | 'off' | 'inherit', globalMode: 'on' | 'off'): BotSwitchState {
  return {
    global: { mode: globalMode, changedAt: null, changedBy: null, reason: null, revert: null },
    lines: [
      {
        line: LINE,
        clientId: 'own-client',
        mode: lineMode,
        botAnswers: lineMode === 'inherit' ? globalMode === 'on' : lineMode === 'on',
        changedAt: null,
        changedBy: null,
        reason: null,
        revert: null,
        scheduled: false,
        availableAgents: lineMode === 'on' ? 0 : 1,
      },
    ],
  };
}

function renderArea(initial: BotSwitchState, element = <BotSwitchArea />) {
  let changed: (() => void) | undefined;
  let current = initial;
  const botSwitch = {
    getState: vi.fn(async () => ({ ok: true, value: current })),
    listAudit: vi.fn(async () => ({
      ok: true,
      value: [
        {
          id: 'a1',
          at: '2025-03-31T08:00:00.000Z',
          actorUserId: 'lead-1',
          action: 'bot-switch.line',
          clientId: 'own-client',
          targetType: 'line',
          targetId: LINE,
          details: { previousMode: 'inherit', mode: 'off', reason: '<b>Störung</b>' },
        },
      ],
    })),
    setLine: vi.fn(async (_line: string, mode: 'on' | 'off' | 'inherit') => {
      current = stateWith(mode, current.global.mode);
      return { ok: true, value: current };
    }),
    getSchedule: vi.fn(async (clientId: string) => ({
      ok: true,
      value: { clientId, schedule: null, changedAt: null, changedBy: null },
    })),
    setGlobal: vi.fn(async (mode: 'on' | 'off') => {
      current = stateWith(current.lines[0]!.mode, mode);
      return { ok: true, value: current };
    }),
  };
  renderWithClient(element, {
    botSwitch,
    portal: {
      listClients: async () => ({ ok: true, value: [] }),
      onBotSwitchChanged: (listener: () => void) => {
        changed = listener;
        return () => undefined;
      },
    },
  });
  return {
    botSwitch,
    announceChange: (next: BotSwitchState) => {
      current = next;
      act(() => changed?.());
    },
  };
}

const lineRow = () => screen.getByText(`Leitung ${LINE}`).closest('tr')!;

afterEach(cleanup);

describe('the bot switch area', () => {
  it('switches a line off after a confirmation that previews the agents ringing', async () => {
    const { botSwitch } = renderArea(stateWith('inherit', 'on'));
    expect(
      await within(await screen.findByText(`Leitung ${LINE}`).then(() => lineRow())).findByText(
        'Bot nimmt an',
      ),
    ).toBeDefined();
    fireEvent.click(within(lineRow()).getByRole('button', { name: 'Aus' }));
    const dialog = screen.getByRole('dialog', { name: 'Bot-Schalter ändern' });
    expect(within(dialog).getByText(/Es klingelt direkt/)).toBeDefined();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(botSwitch.setLine).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('Grund (für das Protokoll)'), {
      target: { value: 'Bot gestört' },
    });
    fireEvent.change(within(dialog).getByLabelText('Automatisch zurückschalten'), {
      target: { value: '120' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Umschalten' }));
    expect(await within(lineRow()).findByText('Mitarbeitende nehmen an')).toBeDefined();
    expect(botSwitch.setLine).toHaveBeenCalledWith(LINE, 'off', {
      reason: 'Bot gestört',
      revertAfterMinutes: 120,
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('warns before switching off a line with no available agent', async () => {
    renderArea(stateWith('on', 'on'));
    await screen.findByText(`Leitung ${LINE}`);
    fireEvent.click(within(lineRow()).getByRole('button', { name: 'Aus' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/niemand verfügbar/);
  });

  it('needs a second confirmation for the global switch and previews the bot greeting', async () => {
    const { botSwitch } = renderArea(stateWith('inherit', 'off'));
    await screen.findByText(`Leitung ${LINE}`);
    const globalRow = screen.getByText('Alle Leitungen (global)').closest('tr')!;
    fireEvent.click(within(globalRow).getByRole('button', { name: 'An' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Der KI-Assistent meldet sich/)).toBeDefined();
    const confirm = within(dialog).getByRole('button', { name: 'Umschalten' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(confirm);
    expect(await within(lineRow()).findByText('Bot nimmt an')).toBeDefined();
    expect(botSwitch.setGlobal).toHaveBeenCalledWith('on', {});
  });

  it('shows another shift lead’s switch when the portal announces it, and the log as text', async () => {
    const { announceChange } = renderArea(stateWith('on', 'on'));
    expect(
      await within(await screen.findByText(`Leitung ${LINE}`).then(() => lineRow())).findByText(
        'Bot nimmt an',
      ),
    ).toBeDefined();
    announceChange(stateWith('off', 'on'));
    expect(await within(lineRow()).findByText('Mitarbeitende nehmen an')).toBeDefined();
    const log = screen.getByRole('region', { name: 'Protokoll' });
    expect(within(log).getByText(/inherit → off/).textContent).toContain('<b>Störung</b>');
  });
});

describe("the agent's indicator", () => {
  it('says whether the bot answers the line, live', async () => {
    const { announceChange } = renderArea(
      stateWith('inherit', 'on'),
      <BotAnswersIndicator line={LINE} />,
    );
    expect(await screen.findByText('Bot nimmt an')).toBeDefined();
    announceChange(stateWith('off', 'on'));
    expect(await screen.findByText('Kein Bot')).toBeDefined();
  });
});
