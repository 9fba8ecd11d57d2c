import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteContext } from './noteFields';
import { NoteForm } from './NoteForm';
import { NoteStatusList } from './NoteStatusList';
import { notesFor } from './notesForWindow';
import { PortalClientFake } from './testing/portalClientFake';
import { renderWithDesk } from './testing/renderWithDesk';

const CONTEXT: NoteContext = {
  callId: 'leg-7',
  portalCallId: '0d6c7f0e-3a58-4c8e-b7a1-2f2a6f0b9c31',
  clientId: 'kanzlei-brandt-okafor',
  clientName: 'Kanzlei Brandt & Okafor',
  line: '+493023125101',
  callerNumber: '+4915112345678',
  ringAt: Date.now() - 90_000,
  answerAt: Date.now() - 80_000,
  endAt: Date.now() - 3_000,
};

const stopped: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stopped.splice(0)) stop();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function renderForm(
  fake = new PortalClientFake(),
  options: { context?: NoteContext; isCallLive?: (callId: string) => boolean } = {},
) {
  const rendered = renderWithDesk(
    <>
      <NoteForm isCallLive={options.isCallLive} />
      <NoteStatusList />
    </>,
    fake,
  );
  const notes = notesFor(rendered.stores, rendered.environment.client);
  stopped.push(() => notes.getState().stop());
  await act(() => notes.getState().start());
  await act(async () => {
    await notes.getState().openNote(options.context ?? CONTEXT);
  });
  return { ...rendered, notes, fake };
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('note form', () => {
  it('appears with the call context and a running wrap-up timer', async () => {
    await renderForm();
    const form = await screen.findByTestId('note-form');
    expect(within(form).getByText('Für Kanzlei Brandt & Okafor')).toBeDefined();
    expect(within(form).getByText('Anrufer: 0151 12345678')).toBeDefined();
    expect(screen.getByTestId('wrap-up-timer').textContent).toMatch(/Nachbearbeitung: 0:0[3-9]/);
  });

  it('during the call it can be written but saved only after hanging up', async () => {
    const { fake } = await renderForm(new PortalClientFake(), {
      context: { ...CONTEXT, endAt: null },
      isCallLive: (callId) => callId === CONTEXT.callId,
    });
    const save = screen.getByRole('button', { name: 'Notiz speichern' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByTestId('note-during-call').textContent).toContain('Während des Gesprächs');
    expect(screen.queryByTestId('wrap-up-timer')).toBeNull();
    fireEvent.submit(screen.getByTestId('note-form'));
    expect(fake.submitAttempts).toHaveLength(0);
    expect(screen.queryByText('Bitte prüfen Sie die markierten Felder.')).toBeNull();
  });

  it('asks for the outcome and the concern before saving, then saves into the outbox', async () => {
    const { fake, notes } = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Notiz speichern' }));
    expect(await screen.findByText('Bitte prüfen Sie die markierten Felder.')).toBeDefined();
    expect(field('Ergebnis').getAttribute('aria-invalid')).toBe('true');
    expect(field('Anliegen').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(field('Ergebnis'), { target: { value: 'message-taken' } });
    fireEvent.change(field('Name des Anrufers'), { target: { value: 'Frau Beispiel' } });
    fireEvent.change(field('Anliegen'), { target: { value: 'Rückruf zur Frist' } });
    fireEvent.change(field('Rückrufnummer'), { target: { value: '030 1234567' } });
    fireEvent.change(field('Stichworte (mit Komma trennen)'), {
      target: { value: 'frist, eilig' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Notiz speichern' }));

    expect(await screen.findByTestId('note-saved')).toBeDefined();
    expect(screen.queryByTestId('note-form')).toBeNull();
    await waitFor(() => expect(fake.notes.size).toBe(1));
    const sent = [...fake.notes.values()][0]!;
    expect(sent.note).toMatchObject({
      callerName: 'Frau Beispiel',
      callbackNumber: '030 1234567',
      tags: ['frist', 'eilig'],
      callId: CONTEXT.portalCallId,
    });
    await waitFor(() =>
      expect(document.querySelector('[data-status="sent"]')?.textContent).toContain('Beim Portal'),
    );
    expect(notes.getState().hasUnsavedNote()).toBe(false);
  });

  it('marks AI-filled fields until the agent confirms them', async () => {
    const { notes } = await renderForm();
    act(() => {
      notes
        .getState()
        .applyDraft('leg-7', { callerName: 'Herr KI', concern: 'Termin' }, [
          'callerName',
          'concern',
        ]);
    });
    expect(field('Name des Anrufers').value).toBe('Herr KI');
    expect(screen.getByTestId('ai-mark-callerName')).toBeDefined();
    fireEvent.click(within(screen.getByTestId('ai-mark-callerName')).getByRole('button'));
    expect(screen.queryByTestId('ai-mark-callerName')).toBeNull();
    expect(screen.getByTestId('ai-mark-concern')).toBeDefined();
    fireEvent.change(field('Anliegen'), { target: { value: 'Termin am Montag' } });
    expect(screen.queryByTestId('ai-mark-concern')).toBeNull();
  });

  it('discards only after an explicit confirmation', async () => {
    const { notes } = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Notiz verwerfen' }));
    expect(notes.getState().hasUnsavedNote()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Zurück zur Notiz' }));
    expect(screen.getByTestId('note-form')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Notiz verwerfen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Verwerfen' }));
    await waitFor(() => expect(screen.queryByTestId('note-form')).toBeNull());
    expect(notes.getState().hasUnsavedNote()).toBe(false);
  });

  it('shows a failed note with retry and export instead of dropping it', async () => {
    const fake = new PortalClientFake();
    fake.mode = 'reject';
    await renderForm(fake);
    fireEvent.change(field('Ergebnis'), { target: { value: 'fax' } });
    fireEvent.click(screen.getByRole('button', { name: 'Notiz speichern' }));
    await waitFor(() => expect(document.querySelector('[data-status="failed"]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Fehlgeschlagene exportieren' })).toBeDefined();
    fake.mode = 'online';
    fireEvent.click(screen.getByRole('button', { name: 'Erneut senden' }));
    await waitFor(() => expect(document.querySelector('[data-status="sent"]')).not.toBeNull());
    expect([...fake.notes.values()][0]!.note.concern).toBe('Fax');
  });
});
