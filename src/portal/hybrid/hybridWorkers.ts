/**
 * Background work of the hybrid reception in one portal process: the offer engine's queue
 * passes (which also rebuild the queue from the database after a restart), the retention sweep
 * of bot content and of expired desk deletion notices, and, on PostgreSQL, the event bridge to other portal processes.
 */
import type { PortalContext } from '../portalContext';
import { purgeExpiredDeskDeletionNotices } from '../dataRequests/deskDeletionNoticeExpiry';
import { sweepBotCallContent } from './botCallRetention';
import { bridgeEventsOverPostgres, type EventBridge } from './postgresEventBridge';

const SWEEP_MILLISECONDS = 30_000;

export interface HybridWorkers {
  stop(): Promise<void>;
}

export async function startHybridWorkers(
  context: PortalContext,
  databaseLocation: string,
): Promise<HybridWorkers> {
  const bridge: EventBridge | undefined =
    context.databaseKind === 'postgres'
      ? await bridgeEventsOverPostgres(databaseLocation, context.events)
      : undefined;
  context.offers.start();
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweeper = setInterval(() => {
    sweeping = Promise.all([
      sweepBotCallContent(context).catch(() => 0),
      purgeExpiredDeskDeletionNotices(context.database, context.now()).catch(() => 0),
    ]);
  }, SWEEP_MILLISECONDS);
  sweeper.unref();
  return {
    async stop() {
      clearInterval(sweeper);
      await context.offers.stop();
      await sweeping;
      await bridge?.close();
    },
  };
}
