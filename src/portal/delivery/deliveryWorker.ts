/**
 * Background worker that sends pending deliveries. It polls the database (so nothing depends on
 * memory: a restart or an SMTP outage loses nothing) and is nudged when a note arrives, so the
 * usual delivery does not wait for the next poll.
 *
 * Per delivery: claim with a lease → send → record `sent`, or `pending` again with a full-jitter
 * backoff (never before a gateway's Retry-After), or `failed` after `maxAttempts` (dead letter,
 * visible on the note, retried by hand). Logs carry IDs and abstract codes only.
 */
import type { FastifyBaseLogger } from 'fastify';
import { fullJitterDelay } from '../../shared/sync/backoff';
import type { ClientProfile } from '../../shared/domain/clientProfile';
import { getClient } from '../domain/clientStore';
import {
  claimDueDeliveries,
  recordDeliveryAttempt,
  refreshNoteStatus,
  type DeliveryResultUpdate,
} from '../domain/deliveryStore';
import type { DeliveriesTable } from '../database/databaseSchema';
import { publishNoteStatus } from '../events/noteEvents';
import type { PortalContext } from '../portalContext';
import type { ChannelOutcome, ChannelSender } from './channelSender';

const BATCH_SIZE = 20;

export interface DeliveryChannels {
  readonly email: ChannelSender;
  readonly sms: ChannelSender;
}

export class DeliveryWorker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private closing = false;

  constructor(
    private readonly context: PortalContext,
    private readonly channels: DeliveryChannels,
    private readonly log: FastifyBaseLogger,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs soon; if a run is in progress, runs once more after it. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await Promise.all([this.channels.email.close(), this.channels.sms.close()]);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .catch((error: unknown) =>
        this.log.error({ errorName: (error as Error)?.name }, 'delivery run failed'),
      )
      .finally(() => {
        this.running = undefined;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : this.context.delivery.pollIntervalMilliseconds);
      });
    await this.running;
  }

  /** Sends batches until nothing is due. Public for tests that step the worker by hand. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.closing) return;
      const now = this.context.now();
      const claimed = await claimDueDeliveries(
        this.context.database,
        new Date(now).toISOString(),
        new Date(now + this.context.delivery.leaseMilliseconds).toISOString(),
        BATCH_SIZE,
      );
      if (claimed.length === 0) return;
      const clients = new Map<string, ClientProfile | undefined>();
      for (const delivery of claimed) await this.attempt(delivery, clients);
    }
  }

  private async attempt(
    delivery: DeliveriesTable,
    clients: Map<string, ClientProfile | undefined>,
  ): Promise<void> {
    const database = this.context.database;
    const note = await database
      .selectFrom('notes')
      .selectAll()
      .where('id', '=', delivery.note_id)
      .executeTakeFirst();
    if (!clients.has(delivery.client_id))
      clients.set(delivery.client_id, await getClient(database, delivery.client_id));
    const client = clients.get(delivery.client_id);
    const sender = delivery.channel === 'sms' ? this.channels.sms : this.channels.email;
    const outcome: ChannelOutcome =
      note && client
        ? await sender.send({
            deliveryId: delivery.id,
            recipients: JSON.parse(delivery.recipients_json) as string[],
            note,
            client,
          })
        : { kind: 'failed', errorCode: 'note-or-client-missing' };
    const update = this.toUpdate(delivery, outcome);
    const at = new Date(this.context.now()).toISOString();
    await recordDeliveryAttempt(database, delivery, update, at);
    this.log.info(
      {
        deliveryId: delivery.id,
        noteId: delivery.note_id,
        channel: delivery.channel,
        result: update.kind,
        errorCode: 'errorCode' in update ? update.errorCode : undefined,
      },
      'delivery attempt',
    );
    const status = await refreshNoteStatus(database, delivery.note_id, at);
    if (status && note) {
      publishNoteStatus(this.context, {
        id: note.id,
        clientId: note.client_id,
        idempotencyKey: note.idempotency_key,
        status,
      });
    }
  }

  private toUpdate(delivery: DeliveriesTable, outcome: ChannelOutcome): DeliveryResultUpdate {
    if (outcome.kind === 'sent') return outcome;
    const attempts = delivery.attempts + 1;
    if (outcome.kind === 'failed' || attempts >= this.context.delivery.maxAttempts) {
      return { kind: 'failed', errorCode: outcome.errorCode };
    }
    const settings = this.context.delivery;
    const delay = fullJitterDelay(
      {
        baseMilliseconds: settings.baseDelayMilliseconds,
        capMilliseconds: settings.capDelayMilliseconds,
      },
      attempts - 1,
      this.random,
      outcome.retryAfterMilliseconds,
    );
    return {
      kind: 'retry',
      errorCode: outcome.errorCode,
      nextAttemptAt: new Date(this.context.now() + delay).toISOString(),
    };
  }
}
