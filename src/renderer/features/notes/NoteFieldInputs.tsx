/** The note's structured fields; AI-filled ones are marked until the agent confirms them. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_OUTCOMES, NOTE_URGENCIES } from '../../../shared/contract/services/portalService';
import { parseTags, type NoteFieldName, type NoteFields } from './noteFields';
import type { NoteForm } from './noteForms';
import { useNotesStore } from './notesForWindow';

type TextFieldName = 'callerName' | 'company' | 'callbackNumber' | 'preferredCallbackTime';

const LIMITS: Record<TextFieldName | 'concern' | 'freeText', number> = {
  callerName: 200,
  company: 200,
  callbackNumber: 40,
  preferredCallbackTime: 200,
  concern: 2000,
  freeText: 8000,
};

export function NoteFieldInputs({ form }: { form: NoteForm }) {
  const { t } = useTranslation('notes');
  const notes = useNotesStore();
  const [tagText, setTagText] = useState(() => form.fields.tags.join(', '));
  const update = <K extends NoteFieldName>(name: K, value: NoteFields[K]): void =>
    notes.getState().updateField(form.id, name, value);

  const field = (name: NoteFieldName, control: (id: string, invalid: boolean) => ReactNode) => {
    const id = `note-${form.id}-${name}`;
    const problem = form.problems.find((candidate) => candidate.field === name);
    const aiFilled = form.aiFilled.includes(name);
    return (
      <div className={`note-field note-field-${name}${aiFilled ? ' note-field-ai' : ''}`}>
        <label htmlFor={id}>{t(`fields.${name}`)}</label>
        {control(id, problem !== undefined)}
        {aiFilled ? (
          <span className="note-ai-mark" data-testid={`ai-mark-${name}`}>
            {t('form.aiFilled')}{' '}
            <button type="button" onClick={() => notes.getState().confirmFields(form.id, [name])}>
              {t('form.confirm')}
            </button>
          </span>
        ) : null}
        {problem ? (
          <span className="inline-error" id={`${id}-problem`}>
            {t(`problem.${problem.reason}`)}
          </span>
        ) : null}
      </div>
    );
  };

  const textInput = (name: TextFieldName, extra: Record<string, string> = {}) =>
    field(name, (id, invalid) => (
      <input
        id={id}
        name={name}
        value={form.fields[name]}
        maxLength={LIMITS[name]}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        onChange={(event) => update(name, event.target.value)}
        {...extra}
      />
    ));

  return (
    <div className="note-fields">
      {field('outcome', (id, invalid) => (
        <select
          id={id}
          name="outcome"
          value={form.fields.outcome}
          aria-invalid={invalid || undefined}
          onChange={(event) => update('outcome', event.target.value as NoteFields['outcome'])}
        >
          <option value="">{t('outcomes.choose')}</option>
          {NOTE_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcomes.${outcome}`)}
            </option>
          ))}
        </select>
      ))}
      {textInput('callerName', { autoComplete: 'off' })}
      {textInput('company', { autoComplete: 'off' })}
      {textInput('callbackNumber', { inputMode: 'tel', autoComplete: 'off' })}
      {field('urgency', (id) => (
        <select
          id={id}
          name="urgency"
          value={form.fields.urgency}
          onChange={(event) => update('urgency', event.target.value as NoteFields['urgency'])}
        >
          {NOTE_URGENCIES.map((urgency) => (
            <option key={urgency} value={urgency}>
              {t(`urgency.${urgency}`)}
            </option>
          ))}
        </select>
      ))}
      {textInput('preferredCallbackTime', { autoComplete: 'off' })}
      {field('concern', (id, invalid) => (
        <textarea
          id={id}
          name="concern"
          rows={3}
          autoComplete="off"
          value={form.fields.concern}
          maxLength={LIMITS.concern}
          aria-invalid={invalid || undefined}
          onChange={(event) => update('concern', event.target.value)}
        />
      ))}
      {field('freeText', (id) => (
        <textarea
          id={id}
          name="freeText"
          rows={4}
          autoComplete="off"
          value={form.fields.freeText}
          maxLength={LIMITS.freeText}
          onChange={(event) => update('freeText', event.target.value)}
        />
      ))}
      {field('tags', (id) => (
        <input
          id={id}
          name="tags"
          autoComplete="off"
          value={tagText}
          maxLength={1400}
          onChange={(event) => {
            setTagText(event.target.value);
            update('tags', parseTags(event.target.value));
          }}
        />
      ))}
    </div>
  );
}
