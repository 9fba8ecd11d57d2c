/** Per-client service-level targets (default: 80 % within 20 s). */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import {
  DEFAULT_SERVICE_LEVEL_TARGET,
  type ServiceLevelTarget,
} from '../../shared/portalWire/supervisionSchemas';

/** Every given client's target, the default where none is set. */
export async function readTargets(
  database: Kysely<PortalDatabase>,
  clientIds: readonly string[],
): Promise<Map<string, ServiceLevelTarget>> {
  const targets = new Map(clientIds.map((clientId) => [clientId, DEFAULT_SERVICE_LEVEL_TARGET]));
  if (clientIds.length === 0) return targets;
  const rows = await database
    .selectFrom('service_level_targets')
    .selectAll()
    .where('client_id', 'in', [...clientIds])
    .execute();
  for (const row of rows)
    targets.set(row.client_id, {
      thresholdSeconds: Number(row.threshold_seconds),
      targetPercent: Number(row.target_percent),
    });
  return targets;
}

export async function saveTarget(
  database: Kysely<PortalDatabase>,
  clientId: string,
  target: ServiceLevelTarget,
  change: { userId: string; at: string },
): Promise<void> {
  const values = {
    threshold_seconds: target.thresholdSeconds,
    target_percent: target.targetPercent,
    updated_by: change.userId,
    updated_at: change.at,
  };
  await database
    .insertInto('service_level_targets')
    .values({ client_id: clientId, ...values })
    .onConflict((conflict) => conflict.column('client_id').doUpdateSet(values))
    .execute();
}
