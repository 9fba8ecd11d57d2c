/**
 * Pure rules of the open note forms: restoring a form from a stored draft, applying an AI draft
 * without overwriting what the agent typed, confirming AI-filled fields, and the summary of an
 * outbox entry the status list shows.
 */
import type { OutboxEntry, OutboxStatus } from '../../../shared/sync/outboxTypes';
import {
  EMPTY_NOTE_FIELDS,
  NOTE_FIELD_NAMES,
  type NoteContext,
  type NoteFieldName,
  type NoteFields,
  type NotePayload,
  type NoteProblem,
} from './noteFields';

export interface NoteForm {
  /** The outbox entry's id (stable from the first draft save). */
  id: string;
  /** The portal user who writes it; forms of another user are never shown. */
  authorUserId: string;
  context: NoteContext;
  fields: NoteFields;
  /** Filled by the AI draft, not yet confirmed by the agent. */
  aiFilled: NoteFieldName[];
  /** Edited by the agent: an AI draft never overwrites these. */
  touched: NoteFieldName[];
  /** Start of after-call work (the call's end), for the running wrap-up timer. */
  wrapUpStartedAt: number;
  /** Problems of the last submit attempt (shown at the fields). */
  problems: NoteProblem[];
  submitting: boolean;
}

/** What the status list shows of one note. Personal data in memory only. */
export interface NoteEntryView {
  id: string;
  status: OutboxStatus;
  /** The portal call ID the note belongs to (the softphone leg's ID), if any. */
  callId: string | null;
  /** Set at submit; the portal lists the note under the same key. */
  idempotencyKey: string | null;
  clientId: string;
  clientName: string;
  callerName: string;
  concern: string;
  lastErrorCode: string | null;
  remoteStatus: string | null;
  createdAt: number;
  updatedAt: number;
}

export function newForm(
  id: string,
  authorUserId: string,
  context: NoteContext,
  now: number,
): NoteForm {
  return {
    id,
    authorUserId,
    context,
    fields: { ...EMPTY_NOTE_FIELDS, tags: [] },
    aiFilled: [],
    touched: [],
    wrapUpStartedAt: context.endAt ?? now,
    problems: [],
    submitting: false,
  };
}

/** A form from a stored draft (after a reload or crash); filled fields count as touched. */
export function formFromEntry(entry: OutboxEntry<NotePayload>): NoteForm {
  const { context, fields, aiFilled } = entry.payload;
  const touched = NOTE_FIELD_NAMES.filter(
    (name) =>
      !aiFilled.includes(name) &&
      JSON.stringify(fields[name]) !== JSON.stringify(EMPTY_NOTE_FIELDS[name]),
  );
  return {
    id: entry.id,
    authorUserId: entry.payload.authorUserId,
    context,
    fields,
    aiFilled: [...aiFilled],
    touched,
    wrapUpStartedAt: context.endAt ?? entry.createdAt,
    problems: [],
    submitting: false,
  };
}

export function payloadOf(form: NoteForm, authorUserId: string): NotePayload {
  return {
    authorUserId,
    context: form.context,
    fields: form.fields,
    aiFilled: form.aiFilled,
    submission: null,
    call: null,
  };
}

export function entryView(entry: OutboxEntry<NotePayload>): NoteEntryView {
  return {
    id: entry.id,
    status: entry.status,
    callId: entry.payload.context.portalCallId,
    idempotencyKey: entry.idempotencyKey,
    clientId: entry.payload.context.clientId,
    clientName: entry.payload.context.clientName,
    callerName: entry.payload.fields.callerName,
    concern: entry.payload.fields.concern,
    lastErrorCode: entry.lastError?.code ?? null,
    remoteStatus: entry.remoteStatus,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}

export function isFieldName(name: string): name is NoteFieldName {
  return (NOTE_FIELD_NAMES as readonly string[]).includes(name);
}

/**
 * Applies an AI draft: fields the agent has not edited take the draft's value and are marked
 * AI-filled; fields the agent edited stay as they are.
 */
export function applyDraftToForm(
  form: NoteForm,
  fields: Partial<NoteFields>,
  aiFilledFieldNames: readonly string[],
): NoteForm {
  const next: NoteFields = { ...form.fields };
  const aiFilled = new Set(form.aiFilled);
  for (const [name, value] of Object.entries(fields) as [NoteFieldName, unknown][]) {
    if (!isFieldName(name) || value === undefined || form.touched.includes(name)) continue;
    (next as unknown as Record<string, unknown>)[name] = value;
    if (aiFilledFieldNames.includes(name)) aiFilled.add(name);
    else aiFilled.delete(name);
  }
  return { ...form, fields: next, aiFilled: [...aiFilled] };
}

export function withField<K extends NoteFieldName>(
  form: NoteForm,
  name: K,
  value: NoteFields[K],
): NoteForm {
  return {
    ...form,
    fields: { ...form.fields, [name]: value },
    aiFilled: form.aiFilled.filter((field) => field !== name),
    touched: form.touched.includes(name) ? form.touched : [...form.touched, name],
    problems: form.problems.filter((problem) => problem.field !== name),
  };
}

export function confirmFields(form: NoteForm, names: readonly NoteFieldName[]): NoteForm {
  return {
    ...form,
    aiFilled: form.aiFilled.filter((field) => !names.includes(field)),
    touched: [...new Set([...form.touched, ...names])],
    problems: form.problems.filter(
      (problem) => !(problem.reason === 'ai-unconfirmed' && names.includes(problem.field)),
    ),
  };
}
