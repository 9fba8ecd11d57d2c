/**
 * Delivery records: one per note and channel, with status and attempts, so a client's e-mail or
 * SMS is retried until it goes out and its state is always visible. Workers claim due records
 * with a lease; a worker that dies leaves a lease that expires, and another worker takes over.
 */
import type { Kysely } from 'kysely';
import type { ClientProfile } from '../../shared/domain/clientProfile';
import type { DeliveriesTable, PortalDatabase } from '../database/databaseSchema';
import type {
  Delivery,
  DeliveryChannel,
  DeliveryStatus,
  NoteStatus,
} from '../../shared/portalWire/noteSchemas';

export interface PlannedDelivery {
  readonly channel: DeliveryChannel;
  readonly recipients: string[];
}

/** Which channels a new note of this client goes out on. */
export function deliveryPlanFor(client: ClientProfile): PlannedDelivery[] {
  const plan: PlannedDelivery[] = [];
  if (client.delivery.emailAddresses.length > 0) {
    plan.push({ channel: 'email', recipients: [...client.delivery.emailAddresses] });
  }
  if (client.delivery.smsNumber)
    plan.push({ channel: 'sms', recipients: [client.delivery.smsNumber] });
  return plan;
}

export function toDelivery(row: DeliveriesTable): Delivery {
  return {
    id: row.id,
    noteId: row.note_id,
    channel: row.channel as DeliveryChannel,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    segments: row.segments,
    sentAt: row.sent_at,
  };
}

export async function listDeliveries(
  database: Kysely<PortalDatabase>,
  noteId: string,
): Promise<Delivery[]> {
  const rows = await database
    .selectFrom('deliveries')
    .selectAll()
    .where('note_id', '=', noteId)
    .orderBy('channel')
    .execute();
  return rows.map(toDelivery);
}

/**
 * Claims up to `limit` due deliveries for this worker: pending ones whose time has come, and
 * sending ones whose lease expired. A conditional update per row makes the claim exclusive.
 */
export async function claimDueDeliveries(
  database: Kysely<PortalDatabase>,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<DeliveriesTable[]> {
  const candidates = await database
    .selectFrom('deliveries')
    .selectAll()
    .where((builder) =>
      builder.or([
        builder.and([builder('status', '=', 'pending'), builder('next_attempt_at', '<=', now)]),
        builder.and([builder('status', '=', 'sending'), builder('lease_until', '<', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: DeliveriesTable[] = [];
  for (const candidate of candidates) {
    const result = await database
      .updateTable('deliveries')
      .set({ status: 'sending', lease_until: leaseUntil, updated_at: now })
      .where('id', '=', candidate.id)
      .where('status', '=', candidate.status)
      .where('updated_at', '=', candidate.updated_at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...candidate, status: 'sending' });
  }
  return claimed;
}

export type DeliveryResultUpdate =
  | { kind: 'sent'; segments: number | null }
  | { kind: 'retry'; errorCode: string; nextAttemptAt: string }
  | { kind: 'failed'; errorCode: string };

/** Records the outcome of one attempt and releases the lease. */
export async function recordDeliveryAttempt(
  database: Kysely<PortalDatabase>,
  delivery: DeliveriesTable,
  update: DeliveryResultUpdate,
  now: string,
): Promise<void> {
  const base = { attempts: delivery.attempts + 1, lease_until: null, updated_at: now };
  const changes =
    update.kind === 'sent'
      ? { ...base, status: 'sent', sent_at: now, segments: update.segments, last_error: null }
      : update.kind === 'retry'
        ? {
            ...base,
            status: 'pending',
            next_attempt_at: update.nextAttemptAt,
            last_error: update.errorCode,
          }
        : { ...base, status: 'failed', last_error: update.errorCode };
  await database.updateTable('deliveries').set(changes).where('id', '=', delivery.id).execute();
}

/** Puts failed deliveries of a note back to pending (attempts start over). */
export async function retryFailedDeliveries(
  database: Kysely<PortalDatabase>,
  noteId: string,
  now: string,
): Promise<number> {
  const result = await database
    .updateTable('deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
    .where('note_id', '=', noteId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The note status that follows from its deliveries. */
export function noteStatusFrom(statuses: readonly string[]): NoteStatus {
  if (statuses.length === 0 || statuses.every((status) => status === 'sent')) return 'delivered';
  if (statuses.includes('failed')) return 'delivery-failed';
  return statuses.some((status) => status === 'sent') || statuses.includes('sending')
    ? 'delivering'
    : 'received';
}

/** Recomputes a note's status; returns the new status when it changed. */
export async function refreshNoteStatus(
  database: Kysely<PortalDatabase>,
  noteId: string,
  now: string,
): Promise<NoteStatus | undefined> {
  const deliveries = await database
    .selectFrom('deliveries')
    .select('status')
    .where('note_id', '=', noteId)
    .execute();
  const status = noteStatusFrom(deliveries.map((delivery) => delivery.status));
  const result = await database
    .updateTable('notes')
    .set({ status, updated_at: now })
    .where('id', '=', noteId)
    .where('status', '!=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? status : undefined;
}
