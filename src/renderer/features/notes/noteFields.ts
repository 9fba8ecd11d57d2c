/**
 * The call note's structured fields as the form edits them, what a note is about (its call
 * context), and the pure rules: which fields a given outcome needs, and how a finished form turns
 * into the portal's submission and the call's final log entry.
 */
import {
  NoteSubmissionSchema,
  type CallRecord,
  type NoteOutcome,
  type NoteSubmission,
  type NoteUrgency,
} from '../../../shared/contract/services/portalService';

export interface NoteFields {
  callerName: string;
  company: string;
  callbackNumber: string;
  concern: string;
  urgency: NoteUrgency;
  preferredCallbackTime: string;
  /** Empty until the agent picks one. */
  outcome: NoteOutcome | '';
  freeText: string;
  tags: string[];
}

export type NoteFieldName = keyof NoteFields;

export const NOTE_FIELD_NAMES: readonly NoteFieldName[] = [
  'callerName',
  'company',
  'callbackNumber',
  'concern',
  'urgency',
  'preferredCallbackTime',
  'outcome',
  'freeText',
  'tags',
];

export const EMPTY_NOTE_FIELDS: NoteFields = {
  callerName: '',
  company: '',
  callbackNumber: '',
  concern: '',
  urgency: 'normal',
  preferredCallbackTime: '',
  outcome: '',
  freeText: '',
  tags: [],
};

/** What the note belongs to. Personal data: stored only sealed (SECURITY.md rule 6). */
export interface NoteContext {
  /** The softphone's leg id (the desk's call id); null for a note written without a call. */
  callId: string | null;
  /** The call's ID in the portal's call log (a UUID chosen by the desk). */
  portalCallId: string | null;
  clientId: string;
  clientName: string;
  line: string | null;
  callerNumber: string | null;
  ringAt: number | null;
  answerAt: number | null;
  endAt: number | null;
}

/** What the outbox stores (sealed) per note. */
export interface NotePayload {
  authorUserId: string;
  context: NoteContext;
  fields: NoteFields;
  /** Fields filled by the AI draft that the agent has not confirmed yet. */
  aiFilled: NoteFieldName[];
  /** Set at submit, never changed after: every retry sends exactly this. */
  submission: NoteSubmission | null;
  call: CallRecord | null;
}

/** Outcomes where the caller left a message: the concern must be written down. */
const MESSAGE_OUTCOMES: readonly NoteOutcome[] = ['message-taken', 'forwarded'];

export type NoteProblem =
  | { field: 'outcome'; reason: 'required' }
  | { field: 'concern'; reason: 'required' }
  | { field: 'callbackNumber'; reason: 'format' }
  | { field: NoteFieldName; reason: 'too-long' }
  | { field: NoteFieldName; reason: 'ai-unconfirmed' };

/** Problems that stop a submit; empty when the note can be saved. */
export function noteProblems(
  fields: NoteFields,
  aiFilled: readonly NoteFieldName[],
): NoteProblem[] {
  const problems: NoteProblem[] = [];
  if (fields.outcome === '') problems.push({ field: 'outcome', reason: 'required' });
  if (
    fields.concern.trim() === '' &&
    (fields.outcome === '' || MESSAGE_OUTCOMES.includes(fields.outcome))
  ) {
    problems.push({ field: 'concern', reason: 'required' });
  }
  if (!/^[+0-9 ()/-]*$/.test(fields.callbackNumber)) {
    problems.push({ field: 'callbackNumber', reason: 'format' });
  }
  const limits: Partial<Record<NoteFieldName, number>> = {
    callerName: 200,
    company: 200,
    callbackNumber: 40,
    concern: 2000,
    preferredCallbackTime: 200,
    freeText: 8000,
  };
  for (const [field, limit] of Object.entries(limits) as [NoteFieldName, number][]) {
    if (String(fields[field]).length > limit) problems.push({ field, reason: 'too-long' });
  }
  for (const field of aiFilled) problems.push({ field, reason: 'ai-unconfirmed' });
  return problems;
}

/**
 * The portal submission of a finished note. `fallbackConcern` fills an empty concern for
 * outcomes without a message (wrong number, spam, fax, hang-up): the portal requires one.
 */
export function toSubmission(
  fields: NoteFields,
  context: NoteContext,
  fallbackConcern: string,
): NoteSubmission {
  if (fields.outcome === '') throw new Error('A note needs an outcome');
  return NoteSubmissionSchema.parse({
    clientId: context.clientId,
    callId: context.portalCallId,
    callerName: fields.callerName.trim(),
    company: fields.company.trim(),
    callbackNumber: fields.callbackNumber.trim(),
    concern: fields.concern.trim() || fallbackConcern,
    urgency: fields.urgency,
    preferredCallbackTime: fields.preferredCallbackTime.trim(),
    outcome: fields.outcome,
    freeText: fields.freeText,
    tags: [...new Set(fields.tags.map((tag) => tag.trim()).filter(Boolean))].slice(0, 20),
  });
}

/** The call's final log entry, written with the note (wrap-up = end of call → submit). */
export function toCallRecord(
  context: NoteContext,
  outcome: NoteOutcome,
  submittedAt: number,
): CallRecord | null {
  if (!context.portalCallId || !context.line || context.ringAt === null) return null;
  // Started seconds count: after-call work is billable handling time (DOMAIN.md, billing).
  const wrapUpSeconds =
    context.endAt === null ? 0 : Math.max(0, Math.ceil((submittedAt - context.endAt) / 1000));
  const callerNumber =
    context.callerNumber && /^\+?[0-9]{2,16}$/.test(context.callerNumber)
      ? context.callerNumber
      : null;
  return {
    id: context.portalCallId,
    clientId: context.clientId,
    line: context.line,
    callerNumber,
    ringAt: new Date(context.ringAt).toISOString(),
    answerAt: context.answerAt === null ? null : new Date(context.answerAt).toISOString(),
    endAt: context.endAt === null ? null : new Date(context.endAt).toISOString(),
    outcome,
    wrapUpSeconds: Math.min(wrapUpSeconds, 86_400),
  };
}

/** Splits typed tags ("frist, rückruf") into a clean list. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0)
    .map((tag) => tag.slice(0, 64))
    .slice(0, 20);
}
