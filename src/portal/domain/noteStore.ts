/**
 * Call notes, exactly once per `Idempotency-Key`.
 *
 * The note and its delivery records are written in one transaction. A second request with the
 * same key (a retry after a lost response) finds the stored note and returns it instead of
 * writing a new one; the unique index on the key makes this hold even for two requests racing.
 * The same key with a different body, or from another user, is a conflict.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { NotesTable, PortalDatabase } from '../database/databaseSchema';
import type { Note, NoteStatus, NoteSubmission } from '../../shared/portalWire/noteSchemas';
import { toE164 } from '../../shared/domain/phoneNumber';
import { getClient } from './clientStore';
import { deliveryPlanFor } from './deliveryStore';

type Database = Kysely<PortalDatabase> | Transaction<PortalDatabase>;

export type SubmitNoteResult =
  | { kind: 'created'; note: Note }
  | { kind: 'replayed'; note: Note }
  | { kind: 'conflict' }
  | { kind: 'unknown-client' }
  | { kind: 'call-of-other-client' };

export function toNote(row: NotesTable): Note {
  return {
    id: row.id,
    clientId: row.client_id,
    callId: row.call_id,
    idempotencyKey: row.idempotency_key,
    callerName: row.caller_name,
    company: row.company,
    callbackNumber: row.callback_number,
    concern: row.concern,
    urgency: row.urgency as Note['urgency'],
    preferredCallbackTime: row.preferred_callback_time,
    outcome: row.outcome as Note['outcome'],
    freeText: row.free_text,
    tags: JSON.parse(row.tags_json) as string[],
    status: row.status as NoteStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Hash of the submitted content, keys sorted, so a retry of the same body matches. */
function hashSubmission(submission: NoteSubmission): string {
  const sorted = Object.fromEntries(
    Object.entries({ ...submission, callId: submission.callId ?? null }).sort(([a], [b]) =>
      a.localeCompare(b),
    ),
  );
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

export async function getNote(database: Database, noteId: string): Promise<Note | undefined> {
  const row = await database
    .selectFrom('notes')
    .selectAll()
    .where('id', '=', noteId)
    .executeTakeFirst();
  return row ? toNote(row) : undefined;
}

/** Stores the note once per key and plans its deliveries from the client's settings. */
export async function submitNote(
  database: Kysely<PortalDatabase>,
  submission: NoteSubmission,
  idempotencyKey: string,
  userId: string,
  at: string,
): Promise<SubmitNoteResult> {
  const requestHash = hashSubmission(submission);
  return database.transaction().execute(async (transaction): Promise<SubmitNoteResult> => {
    if (submission.callId) {
      const call = await transaction
        .selectFrom('calls')
        .select('client_id')
        .where('id', '=', submission.callId)
        .executeTakeFirst();
      if (call && call.client_id !== submission.clientId) return { kind: 'call-of-other-client' };
    }
    const client = await getClient(transaction, submission.clientId);
    if (!client) return { kind: 'unknown-client' };
    const plan = deliveryPlanFor(client);
    const id = randomUUID();
    const inserted = await transaction
      .insertInto('notes')
      .values({
        id,
        client_id: submission.clientId,
        call_id: submission.callId ?? null,
        idempotency_key: idempotencyKey,
        request_hash: requestHash,
        caller_name: submission.callerName,
        company: submission.company,
        callback_number: submission.callbackNumber,
        callback_e164: toE164(submission.callbackNumber) ?? null,
        concern: submission.concern,
        urgency: submission.urgency,
        preferred_callback_time: submission.preferredCallbackTime,
        outcome: submission.outcome,
        free_text: submission.freeText,
        tags_json: JSON.stringify(submission.tags),
        status: plan.length > 0 ? 'received' : 'delivered',
        created_by: userId,
        created_at: at,
        updated_at: at,
      })
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
      const existing = await transaction
        .selectFrom('notes')
        .selectAll()
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirstOrThrow();
      if (existing.created_by !== userId || existing.request_hash !== requestHash) {
        return { kind: 'conflict' };
      }
      return { kind: 'replayed', note: toNote(existing) };
    }
    if (plan.length > 0) {
      await transaction
        .insertInto('deliveries')
        .values(
          plan.map((planned) => ({
            id: randomUUID(),
            note_id: id,
            client_id: submission.clientId,
            channel: planned.channel,
            recipients_json: JSON.stringify(planned.recipients),
            status: 'pending',
            attempts: 0,
            next_attempt_at: at,
            lease_until: null,
            last_error: null,
            segments: null,
            sent_at: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    return { kind: 'created', note: (await getNote(transaction, id)) as Note };
  });
}

export async function listNotes(
  database: Database,
  filter: { clientId: string; limit: number },
): Promise<Note[]> {
  const rows = await database
    .selectFrom('notes')
    .selectAll()
    .where('client_id', '=', filter.clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
  return rows.map(toNote);
}
