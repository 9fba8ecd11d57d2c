/**
 * Export of notes that have not reached the portal (failed, queued, drafts) as a JSON file the
 * agent downloads, so no note is ever lost even when the portal refuses it for good. Call-log
 * entries still waiting (calls without a note) can travel in the same file (`calls`), so a
 * logout that wipes the desk loses no billable call either. The file holds the content in
 * clear: it is made only on the agent's explicit request.
 */
import type { OutboxEntry, OutboxStatus } from '../../../shared/sync/outboxTypes';
import type { CallLogEntry } from '../../../shared/contract/services/portalService';
import type { NotePayload } from './noteFields';
import { fileTimestamp, offerDownload } from '../../data/offerDownload';

export interface ExportedNote {
  id: string;
  status: OutboxStatus;
  idempotencyKey: string | null;
  createdAt: string;
  lastErrorCode: string | null;
  client: { id: string; name: string };
  line: string | null;
  callerNumber: string | null;
  fields: NotePayload['fields'];
}

export function exportableNotes(
  entries: readonly OutboxEntry<NotePayload>[],
  statuses: readonly OutboxStatus[],
): ExportedNote[] {
  return entries
    .filter((entry) => statuses.includes(entry.status))
    .map((entry) => ({
      id: entry.id,
      status: entry.status,
      idempotencyKey: entry.idempotencyKey,
      createdAt: new Date(entry.createdAt).toISOString(),
      lastErrorCode: entry.lastError?.code ?? null,
      client: { id: entry.payload.context.clientId, name: entry.payload.context.clientName },
      line: entry.payload.context.line,
      callerNumber: entry.payload.context.callerNumber,
      fields: entry.payload.fields,
    }));
}

/** Offers the notes (and waiting call-log entries) as a download; returns how many items. */
export function downloadNotes(
  notes: readonly ExportedNote[],
  now = new Date(),
  calls: readonly CallLogEntry[] = [],
): number {
  if (notes.length === 0 && calls.length === 0) return 0;
  const file =
    calls.length > 0
      ? { format: 'empfang-notes-1', notes, calls }
      : { format: 'empfang-notes-1', notes };
  offerDownload(
    JSON.stringify(file, null, 2),
    'application/json',
    `empfang-notizen-${fileTimestamp(now)}.json`,
  );
  return notes.length + calls.length;
}
