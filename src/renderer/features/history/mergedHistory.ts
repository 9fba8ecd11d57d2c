/**
 * One history of calls and notes from three places, merged by call ID:
 *
 * - this desk's call history (every leg the softphone ended, sealed locally);
 * - this desk's note outbox (notes not yet at the portal are known only here);
 * - the portal's recent calls and notes of the user's clients (also those taken on other desks,
 *   and everything from before this desk's local retention deleted it).
 *
 * The softphone's leg ID is also the portal's call ID and the note's `callId`, so a call that
 * reached the portal appears once, with facts from both sides. A note without a call (written
 * by hand) is matched by its idempotency key, which the outbox and the portal share.
 */
import type { OutboxStatus } from '../../../shared/sync/outboxTypes';
import type {
  ClientSummary,
  PortalCall,
  PortalNote,
} from '../../../shared/contract/services/portalService';
import type { NoteEntryView } from '../notes/noteForms';
import type { CallHistoryEntry } from './callHistoryEntry';
import { matchesSearch } from './historySearch';

/** Where a row's facts come from: this desk, the portal, or both. */
export type HistorySource = 'desk' | 'portal' | 'both';

/** A note's state as the history shows it: the desk's while not sent, then the portal's. */
export type HistoryNoteStatus = OutboxStatus | 'received' | 'delivering' | 'delivery-failed';

export interface HistoryNote {
  status: HistoryNoteStatus;
  callerName: string;
  concern: string;
}

export interface HistoryRow {
  /** The call ID, or for a note without a call the note's idempotency key. */
  key: string;
  kind: 'call' | 'note';
  /** Epoch ms: when the call rang or was dialled, or when the note was written. */
  at: number;
  direction: 'incoming' | 'outgoing' | null;
  /** Caller or callee number (E.164 or extension); null when withheld or unknown. */
  remoteNumber: string | null;
  /** What the desk showed for the other party (local calls only). */
  remoteLabel: string;
  remoteName: string;
  clientLine: string | null;
  clientName: string | null;
  durationSeconds: number | null;
  /** The softphone's outcome (local) — completed, missed, transferred, … */
  phoneOutcome: string | null;
  /** The portal's classified outcome — message-taken, wrong-number, … */
  portalOutcome: string | null;
  /** True when the portal says another agent took the call. */
  otherAgent: boolean;
  note: HistoryNote | null;
  source: HistorySource;
}

export interface HistorySources {
  local: readonly CallHistoryEntry[];
  localNotes: readonly NoteEntryView[];
  portalCalls: readonly PortalCall[];
  portalNotes: readonly PortalNote[];
  clients: readonly ClientSummary[];
  /** The logged-in user's portal ID (to tell own calls from colleagues'). */
  userId: string | null;
}

const PORTAL_NOTE_STATUSES = new Set(['received', 'delivering', 'delivered', 'delivery-failed']);

function portalNoteStatus(status: string): HistoryNoteStatus {
  return PORTAL_NOTE_STATUSES.has(status) ? (status as HistoryNoteStatus) : 'sent';
}

function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1_000));
}

function mergeSource(row: HistoryRow, source: 'desk' | 'portal'): HistorySource {
  return row.source === source ? source : 'both';
}

export function mergeHistory(sources: HistorySources): HistoryRow[] {
  const clientByLine = new Map<string, ClientSummary>();
  const clientById = new Map<string, ClientSummary>();
  for (const client of sources.clients) {
    clientById.set(client.id, client);
    for (const line of client.lines) clientByLine.set(line, client);
  }
  const rows = new Map<string, HistoryRow>();

  for (const entry of sources.local) {
    rows.set(entry.id, {
      key: entry.id,
      kind: 'call',
      at: entry.startedAt,
      direction: entry.direction,
      remoteNumber: entry.remoteNumber ?? null,
      remoteLabel: entry.remoteLabel,
      remoteName: entry.remoteName,
      clientLine: entry.clientLine ?? null,
      clientName: entry.clientLine ? (clientByLine.get(entry.clientLine)?.name ?? null) : null,
      durationSeconds: entry.durationSeconds,
      phoneOutcome: entry.outcome,
      portalOutcome: null,
      otherAgent: false,
      note: null,
      source: 'desk',
    });
  }

  for (const call of sources.portalCalls) {
    const existing = rows.get(call.id);
    const clientName = clientById.get(call.clientId)?.name ?? null;
    if (existing) {
      existing.portalOutcome = call.outcome;
      existing.clientName ??= clientName;
      existing.source = mergeSource(existing, 'portal');
      continue;
    }
    rows.set(call.id, {
      key: call.id,
      kind: 'call',
      at: Date.parse(call.ringAt),
      direction: 'incoming',
      remoteNumber: call.callerNumber,
      remoteLabel: '',
      remoteName: '',
      clientLine: call.line,
      clientName,
      durationSeconds: secondsBetween(call.answerAt, call.endAt),
      phoneOutcome: null,
      portalOutcome: call.outcome,
      otherAgent: call.agentId !== null && call.agentId !== sources.userId,
      note: null,
      source: 'portal',
    });
  }

  // Notes: the portal's first, then the desk's, whose status wins while the note is not sent.
  const rowForNote = (callId: string | null, idempotencyKey: string) =>
    (callId ? rows.get(callId) : undefined) ?? rows.get(idempotencyKey);
  for (const note of sources.portalNotes) {
    const status = portalNoteStatus(note.status);
    const facts = { status, callerName: note.callerName, concern: note.concern };
    const row = rowForNote(note.callId, note.idempotencyKey);
    if (row) {
      row.note = facts;
      row.source = mergeSource(row, 'portal');
      continue;
    }
    rows.set(note.idempotencyKey, {
      key: note.idempotencyKey,
      kind: 'note',
      at: Date.parse(note.createdAt),
      direction: null,
      remoteNumber: note.callbackNumber.replace(/[^+0-9]/g, '') || null,
      remoteLabel: '',
      remoteName: '',
      clientLine: null,
      clientName: clientById.get(note.clientId)?.name ?? null,
      durationSeconds: null,
      phoneOutcome: null,
      portalOutcome: note.outcome,
      otherAgent: note.createdBy !== sources.userId,
      note: facts,
      source: 'portal',
    });
  }
  for (const entry of sources.localNotes) {
    if (entry.status === 'draft') continue;
    const key = entry.idempotencyKey ?? entry.id;
    const row = rowForNote(entry.callId, key);
    const facts = { status: entry.status, callerName: entry.callerName, concern: entry.concern };
    if (row) {
      // The portal's view is newer once it has the note; until then only the desk knows.
      if (!row.note || entry.status === 'queued' || entry.status === 'failed') row.note = facts;
      row.source = mergeSource(row, 'desk');
      continue;
    }
    rows.set(key, {
      key,
      kind: 'note',
      at: entry.createdAt,
      direction: null,
      remoteNumber: null,
      remoteLabel: '',
      remoteName: '',
      clientLine: null,
      clientName: entry.clientName,
      durationSeconds: null,
      phoneOutcome: null,
      portalOutcome: null,
      otherAgent: false,
      note: facts,
      source: 'desk',
    });
  }

  return [...rows.values()].sort((left, right) => right.at - left.at);
}

/** Whether a row matches a search: its numbers, names, client, caller name and concern. */
export function rowMatchesQuery(row: HistoryRow, query: string): boolean {
  return matchesSearch(
    {
      numbers: [row.remoteNumber, row.clientLine],
      numberLabels: [row.remoteLabel],
      texts: [
        row.remoteName,
        row.remoteLabel,
        row.clientName ?? '',
        row.note?.callerName ?? '',
        row.note?.concern ?? '',
      ],
    },
    query,
  );
}
