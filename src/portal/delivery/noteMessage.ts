/**
 * The text of a note as the client receives it by e-mail and SMS. The subject names no caller
 * data, because subjects end up in mail server logs; the content is in the body only.
 */
import type { NotesTable } from '../database/databaseSchema';

const LABELS = {
  de: {
    subject: 'Neue Telefonnotiz',
    callerName: 'Anrufer',
    company: 'Firma',
    callbackNumber: 'Rückrufnummer',
    concern: 'Anliegen',
    urgency: 'Dringlichkeit',
    preferredCallbackTime: 'Rückruf gewünscht',
    outcome: 'Ergebnis',
    freeText: 'Notiz',
    received: 'Eingegangen',
    urgencies: { low: 'niedrig', normal: 'normal', high: 'hoch', urgent: 'dringend' },
    outcomes: {
      'message-taken': 'Nachricht aufgenommen',
      forwarded: 'Weitergeleitet',
      'caller-hung-up': 'Anrufer hat aufgelegt',
      'wrong-number': 'Falsch verbunden',
      spam: 'Werbung/Spam',
      fax: 'Fax',
    },
  },
  en: {
    subject: 'New call note',
    callerName: 'Caller',
    company: 'Company',
    callbackNumber: 'Callback number',
    concern: 'Concern',
    urgency: 'Urgency',
    preferredCallbackTime: 'Preferred callback',
    outcome: 'Outcome',
    freeText: 'Note',
    received: 'Received',
    urgencies: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
    outcomes: {
      'message-taken': 'Message taken',
      forwarded: 'Forwarded',
      'caller-hung-up': 'Caller hung up',
      'wrong-number': 'Wrong number',
      spam: 'Advertising/spam',
      fax: 'Fax',
    },
  },
} as const;

type Labels = (typeof LABELS)[keyof typeof LABELS];

function labelsFor(language: string): Labels {
  return language.toLowerCase().startsWith('de') ? LABELS.de : LABELS.en;
}

function lookup(table: Readonly<Record<string, string>>, key: string): string {
  return table[key] ?? key;
}

export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
}

/** Subject and plain-text body of the e-mail for a note. */
export function noteEmail(note: NotesTable, clientName: string, language: string): EmailMessage {
  const labels = labelsFor(language);
  const urgency = lookup(labels.urgencies, note.urgency);
  const rows: Array<[string, string]> = [
    [labels.callerName, note.caller_name],
    [labels.company, note.company],
    [labels.callbackNumber, note.callback_number],
    [labels.concern, note.concern],
    [labels.urgency, urgency],
    [labels.preferredCallbackTime, note.preferred_callback_time],
    [labels.outcome, lookup(labels.outcomes, note.outcome)],
    [labels.received, note.created_at],
  ];
  const body = rows
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
  const freeText = note.free_text.trim() ? `\n\n${labels.freeText}:\n${note.free_text}` : '';
  return {
    subject: `${labels.subject} – ${clientName} (${urgency})`,
    text: `${body}${freeText}\n`,
  };
}

/** The SMS text: the essentials on one line each; long concerns take more segments. */
export function noteSms(note: NotesTable, language: string): string {
  const labels = labelsFor(language);
  return [
    `${labels.subject} (${lookup(labels.urgencies, note.urgency)})`,
    [note.caller_name, note.company].filter((part) => part.trim()).join(', '),
    note.callback_number && `${labels.callbackNumber}: ${note.callback_number}`,
    note.concern,
    note.preferred_callback_time &&
      `${labels.preferredCallbackTime}: ${note.preferred_callback_time}`,
  ]
    .filter((line): line is string => Boolean(line && line.trim()))
    .join('\n');
}
