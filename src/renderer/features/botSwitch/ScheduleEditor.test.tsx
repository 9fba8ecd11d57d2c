/** @vitest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotSchedule } from '../../../shared/domain/botSchedule';
import { ScheduleEditor } from './ScheduleEditor';
import { renderWithClient } from './testing/renderWithClient';

const WEEKDAYS: BotSchedule = {
  weekly: [{ weekday: 1, from: '08:00', to: '18:00' }],
  holidays: ['2026-12-25'],
  exceptions: [],
};

function renderEditor(
  setSchedule: (clientId: string, change: unknown) => Promise<unknown> = async (clientId) => ({
    ok: true,
    value: { clientId, schedule: WEEKDAYS, changedAt: null, changedBy: 'lead-1' },
  }),
) {
  const botSwitch = {
    getSchedule: vi.fn(async (clientId: string) => ({
      ok: true,
      value: { clientId, schedule: WEEKDAYS, changedAt: null, changedBy: 'lead-1' },
    })),
    setSchedule: vi.fn(setSchedule),
  };
  renderWithClient(<ScheduleEditor fallbackClientIds={[]} />, {
    botSwitch,
    portal: {
      listClients: async () => ({
        ok: true,
        value: [{ id: 'law-firm', name: 'Kanzlei Müller', lines: ['+4930111111'] }],
      }),
    },
  });
  return botSwitch;
}

const problems = () =>
  screen.getByText('So kann der Zeitplan nicht gespeichert werden:').parentElement!;
const save = () => screen.getByRole('button', { name: 'Zeitplan speichern' });

afterEach(cleanup);

describe('the schedule editor', () => {
  it('shows the client’s schedule and refuses 25:00, overlaps and a time summer time skips', async () => {
    const botSwitch = renderEditor();
    const from = await screen.findByLabelText('von 1');
    expect(from).toHaveProperty('value', '08:00');
    expect(screen.getByLabelText('Feiertag 1')).toHaveProperty('value', '2026-12-25');
    expect(botSwitch.getSchedule).toHaveBeenCalledWith('law-firm');

    fireEvent.change(screen.getByLabelText('bis 1'), { target: { value: '25:00' } });
    expect(
      within(problems()).getByText(/Zeitfenster 1: Uhrzeiten von 00:00 bis 23:59/),
    ).toBeDefined();
    expect(save()).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByLabelText('bis 1'), { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zeitfenster hinzufügen' }));
    fireEvent.change(screen.getByLabelText('von 2'), { target: { value: '17:00' } });
    fireEvent.change(screen.getByLabelText('bis 2'), { target: { value: '20:00' } });
    expect(
      within(problems()).getByText(
        'Montag: Zeitfenster überschneiden sich (08:00–18:00 und 17:00–20:00).',
      ),
    ).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Zeile 2 entfernen' }));
    expect(screen.queryByText('So kann der Zeitplan nicht gespeichert werden:')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Ausnahme hinzufügen' }));
    fireEvent.change(screen.getByLabelText('Datum 1'), { target: { value: '2027-03-28' } });
    fireEvent.change(screen.getByLabelText('Datum 1 von'), { target: { value: '02:30' } });
    expect(within(problems()).getByText(/02:30 gibt es am 2027-03-28 nicht/)).toBeDefined();
    expect(save()).toHaveProperty('disabled', true);
    expect(botSwitch.setSchedule).not.toHaveBeenCalled();
  });

  it('saves after a confirmation with a preview and a reason for the audit', async () => {
    const botSwitch = renderEditor();
    fireEvent.change(await screen.findByLabelText('bis 1'), { target: { value: '24:00' } });
    fireEvent.click(save());
    const dialog = screen.getByRole('dialog', { name: 'Zeitplan ändern' });
    expect(within(dialog).getByText(/1 Zeitfenster, 1 Feiertage, 0 Ausnahmen/)).toBeDefined();
    expect(dialog.querySelector('[data-preview]')).not.toBeNull();
    expect(botSwitch.setSchedule).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('Grund (für das Protokoll)'), {
      target: { value: 'Winterzeiten' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zeitplan übernehmen' }));
    expect(await screen.findByText('Zeitplan gespeichert.')).toBeDefined();
    expect(botSwitch.setSchedule).toHaveBeenCalledWith('law-firm', {
      schedule: { ...WEEKDAYS, weekly: [{ weekday: 1, from: '08:00', to: '24:00' }] },
      reason: 'Winterzeiten',
    });
  });

  it('shows the portal’s reasons when it still refuses, and can delete the schedule', async () => {
    const botSwitch = renderEditor(async () => ({
      ok: false,
      error: {
        code: 'validation',
        message: 'The portal refused the data',
        fieldErrors: [{ path: 'body.schedule', message: 'weekday 1: windows overlap (x)' }],
      },
    }));
    fireEvent.click(await screen.findByRole('button', { name: 'Zeitplan löschen' }));
    const dialog = screen.getByRole('dialog', { name: 'Zeitplan ändern' });
    expect(within(dialog).getByText('Der Zeitplan wird gelöscht.')).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zeitplan übernehmen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Das Portal lehnt den Zeitplan ab:');
    expect(alert.textContent).toContain('weekday 1: windows overlap (x)');
    expect(botSwitch.setSchedule).toHaveBeenCalledWith('law-firm', { schedule: null });
  });
});
