/**
 * The after-call note form of the active open note: structured fields, outcome, the running
 * wrap-up timer, AI-filled marks with confirm, save (into the durable outbox) and an explicit
 * discard. "Saved" appears only after the outbox has persisted the note.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppStore } from '../../app/state/appStore';
import { NewNoteControl } from './NewNoteControl';
import { NoteFieldInputs } from './NoteFieldInputs';
import type { NoteForm as NoteFormState } from './noteForms';
import { useNotesStore } from './notesForWindow';
import './notes.css';

function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function WrapUpTimer({ since }: { since: number }) {
  const { t } = useTranslation('notes');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="note-wrap-up" role="timer" data-testid="wrap-up-timer">
      {t('form.wrapUp', { time: formatDuration(now - since) })}
    </span>
  );
}

export interface NoteFormProps {
  /**
   * Whether the call a note belongs to is still connected: its note is written during the call
   * but saved only after it (the note carries the call's end and wrap-up time).
   */
  isCallLive?: (callId: string) => boolean;
}

export function NoteForm({ isCallLive }: NoteFormProps = {}) {
  const { t } = useTranslation('notes');
  const notes = useNotesStore();
  const phase = useAppStore(notes, (state) => state.phase);
  const forms = useAppStore(notes, (state) => state.forms);
  const activeFormId = useAppStore(notes, (state) => state.activeFormId);
  const lastSaved = useAppStore(notes, (state) => state.lastSaved);
  const form = activeFormId ? forms[activeFormId] : undefined;
  useEffect(() => {
    // Leaving the page writes what the debounce still holds (best effort: the page may die).
    const flush = (): void => void notes.getState().flushDrafts();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [notes]);
  const others = Object.values(forms).filter((candidate) => candidate.id !== activeFormId);

  if (phase === 'failed') {
    return (
      <p className="banner banner-error" role="alert">
        {t('form.notReady')}
      </p>
    );
  }
  return (
    <div className="note-area">
      {lastSaved && !form ? (
        <p className="note-saved" role="status" data-testid="note-saved">
          {t('form.saved')}
        </p>
      ) : null}
      {others.length > 0 ? (
        <nav className="note-drafts" aria-label={t('form.openDrafts')}>
          <span>{t('form.openDrafts')}:</span>
          {others.map((other) => (
            <button
              key={other.id}
              type="button"
              onClick={() => notes.getState().activate(other.id)}
            >
              {other.context.clientName}
            </button>
          ))}
        </nav>
      ) : null}
      {form ? (
        <ActiveNoteForm
          key={form.id}
          form={form}
          callLive={form.context.callId !== null && (isCallLive?.(form.context.callId) ?? false)}
        />
      ) : (
        <NewNoteControl />
      )}
    </div>
  );
}

function ActiveNoteForm({ form, callLive }: { form: NoteFormState; callLive: boolean }) {
  const { t } = useTranslation('notes');
  const notes = useNotesStore();
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const callerNumber = form.context.callerNumber
    ? (displayPhoneNumber(form.context.callerNumber) ?? form.context.callerNumber)
    : undefined;

  const submit = async (): Promise<void> => {
    setSaveFailed(false);
    const outcome = form.fields.outcome;
    const fallback = outcome === '' ? '' : t(`outcomes.${outcome}`);
    const saved = await notes.getState().submit(form.id, fallback);
    const current = notes.getState().forms[form.id];
    if (!saved && current && current.problems.length === 0) setSaveFailed(true);
  };

  return (
    <form
      // Off for the whole form: Chromium keeps the values of fields that may autocomplete in
      // its session-restore file, in clear (found by e2e/webshell/privacyCanary.spec.ts).
      autoComplete="off"
      className="note-form"
      aria-labelledby="note-form-title"
      data-testid="note-form"
      onBlur={() => void notes.getState().flushDrafts()}
      onSubmit={(event) => {
        event.preventDefault();
        if (!callLive) void submit();
      }}
    >
      <header className="note-form-header">
        <h2 id="note-form-title">{t('form.title')}</h2>
        <span>{t('form.forClient', { client: form.context.clientName })}</span>
        {callerNumber ? <span>{t('form.caller', { number: callerNumber })}</span> : null}
        {callLive ? (
          <span className="note-during-call" data-testid="note-during-call">
            {t('form.duringCall')}
          </span>
        ) : (
          <WrapUpTimer since={form.wrapUpStartedAt} />
        )}
      </header>
      {form.aiFilled.length > 0 ? (
        <p className="note-ai-banner">
          {t('form.aiFilled')}{' '}
          <button
            type="button"
            onClick={() => notes.getState().confirmFields(form.id, form.aiFilled)}
          >
            {t('form.confirmAll')}
          </button>
        </p>
      ) : null}
      <NoteFieldInputs form={form} />
      {form.problems.length > 0 ? (
        <p className="form-error" role="alert">
          {t('form.problems')}
        </p>
      ) : null}
      {saveFailed ? (
        <p className="form-error" role="alert">
          {t('form.failedToSave')}
        </p>
      ) : null}
      <div className="note-actions">
        <button
          type="submit"
          className="primary"
          disabled={form.submitting || callLive}
          title={callLive ? t('form.submitAfterCall') : undefined}
        >
          {form.submitting ? t('form.submitting') : t('form.submit')}
        </button>
        <button type="button" onClick={() => setConfirmingDiscard(true)} disabled={form.submitting}>
          {t('form.discard')}
        </button>
      </div>
      {confirmingDiscard ? (
        <div className="note-discard" role="alertdialog" aria-labelledby="note-discard-text">
          <p id="note-discard-text">{t('form.discardConfirm')}</p>
          <button type="button" onClick={() => void notes.getState().discard(form.id)}>
            {t('form.discardYes')}
          </button>
          <button type="button" autoFocus onClick={() => setConfirmingDiscard(false)}>
            {t('form.discardNo')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
