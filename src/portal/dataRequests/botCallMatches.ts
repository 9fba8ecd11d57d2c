/**
 * Bot calls of one caller number. The portal never stores the caller number of a bot call
 * (routing uses it and forgets it), so a bot call belongs to a number when the desk logged the
 * same call ID with that number, or when the bot collected it as the callback number (in the
 * database, or in memory for RAM-only clients).
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { BotCallContent } from '../hybrid/botCallContent';
import { toE164 } from '../../shared/domain/phoneNumber';
import { callIds, type DataRequestTarget } from './dataRequestScope';

export async function findBotCallIds(
  database: Kysely<PortalDatabase>,
  botContent: BotCallContent,
  target: DataRequestTarget,
): Promise<string[]> {
  const matches = (value: string) => toE164(value) === target.e164;
  const collected = await database
    .selectFrom('bot_call_fields')
    .select(['call_id', 'value'])
    .where('field', '=', 'callbackNumber')
    .execute();
  const candidates = new Set([
    ...collected.filter((row) => matches(row.value)).map((row) => row.call_id),
    ...botContent.callIdsInMemoryWhere('callbackNumber', matches),
  ]);
  let query = database
    .selectFrom('bot_calls')
    .select('call_id')
    .where((builder) =>
      builder.or([
        builder('call_id', 'in', callIds(database, target)),
        ...(candidates.size > 0 ? [builder('call_id', 'in', [...candidates])] : []),
      ]),
    );
  if (target.clientIds !== undefined) {
    if (target.clientIds.length === 0) return [];
    query = query.where('client_id', 'in', [...target.clientIds]);
  }
  return (await query.execute()).map((row) => row.call_id);
}
