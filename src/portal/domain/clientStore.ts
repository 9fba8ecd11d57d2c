/**
 * Client companies. The profile is stored whole as JSON (it is read whole by the client card);
 * its lines are also kept in `client_lines` for the lookup by dialled number and to keep a line
 * owned by exactly one client.
 */
import type { Kysely, Transaction } from 'kysely';
import { ClientProfileSchema, type ClientProfile } from '../../shared/domain/clientProfile';
import type { PortalDatabase } from '../database/databaseSchema';

type Database = Kysely<PortalDatabase> | Transaction<PortalDatabase>;

export interface ClientSummary {
  readonly id: string;
  readonly name: string;
  readonly lines: string[];
}

function parseProfile(json: string): ClientProfile {
  // Parsed again on the way out: a row written by an older version must still fit the schema.
  return ClientProfileSchema.parse(JSON.parse(json));
}

/** Lists clients; `scope` undefined = all (admin). */
export async function listClients(
  database: Database,
  scope: readonly string[] | undefined,
): Promise<ClientSummary[]> {
  if (scope !== undefined && scope.length === 0) return [];
  let query = database.selectFrom('clients').select(['id', 'name', 'profile_json']);
  if (scope !== undefined) query = query.where('id', 'in', [...scope]);
  const rows = await query.orderBy('name').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    lines: (JSON.parse(row.profile_json) as { lines: string[] }).lines,
  }));
}

export async function getClient(
  database: Database,
  clientId: string,
): Promise<ClientProfile | undefined> {
  const row = await database
    .selectFrom('clients')
    .select('profile_json')
    .where('id', '=', clientId)
    .executeTakeFirst();
  return row ? parseProfile(row.profile_json) : undefined;
}

/** Which client a dialled line belongs to, or undefined. */
export async function findClientIdByLine(
  database: Database,
  line: string,
): Promise<string | undefined> {
  const row = await database
    .selectFrom('client_lines')
    .select('client_id')
    .where('line', '=', line)
    .executeTakeFirst();
  return row?.client_id;
}

export type SaveClientResult =
  { kind: 'saved'; created: boolean } | { kind: 'line-taken'; line: string; ownerClientId: string };

/** Creates or replaces a client; refuses lines that belong to another client. */
export async function saveClient(
  database: Kysely<PortalDatabase>,
  profile: ClientProfile,
  at: string,
): Promise<SaveClientResult> {
  return database.transaction().execute(async (transaction) => {
    const taken = await transaction
      .selectFrom('client_lines')
      .select(['line', 'client_id'])
      .where('line', 'in', profile.lines)
      .where('client_id', '!=', profile.id)
      .executeTakeFirst();
    if (taken) return { kind: 'line-taken', line: taken.line, ownerClientId: taken.client_id };
    const existing = await transaction
      .selectFrom('clients')
      .select('id')
      .where('id', '=', profile.id)
      .executeTakeFirst();
    const json = JSON.stringify(profile);
    if (existing) {
      await transaction
        .updateTable('clients')
        .set({ name: profile.name, profile_json: json, updated_at: at })
        .where('id', '=', profile.id)
        .execute();
    } else {
      await transaction
        .insertInto('clients')
        .values({
          id: profile.id,
          name: profile.name,
          profile_json: json,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    await transaction.deleteFrom('client_lines').where('client_id', '=', profile.id).execute();
    await transaction
      .insertInto('client_lines')
      .values([...new Set(profile.lines)].map((line) => ({ line, client_id: profile.id })))
      .execute();
    return { kind: 'saved', created: !existing };
  });
}
