/** Agent presence: the state each desk reports, for supervisors watching the floor. */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';

export type PresenceState = 'available' | 'in-call' | 'wrap-up' | 'break' | 'offline';

export interface PresenceEntry {
  userId: string;
  displayName: string;
  role: string;
  state: PresenceState;
  updatedAt: string;
}

export async function setPresence(
  database: Kysely<PortalDatabase>,
  userId: string,
  state: PresenceState,
  at: string,
): Promise<void> {
  await database
    .insertInto('presence')
    .values({ user_id: userId, state, updated_at: at })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ state, updated_at: at }))
    .execute();
}

/**
 * Presence of users who share at least one client with the viewer (everyone for admins).
 * `viewerClientIds` undefined = admin.
 */
export async function listPresence(
  database: Kysely<PortalDatabase>,
  viewerClientIds: readonly string[] | undefined,
): Promise<PresenceEntry[]> {
  let query = database
    .selectFrom('presence')
    .innerJoin('users', 'users.id', 'presence.user_id')
    .select([
      'presence.user_id as userId',
      'users.display_name as displayName',
      'users.role as role',
      'presence.state as state',
      'presence.updated_at as updatedAt',
    ]);
  if (viewerClientIds !== undefined) {
    if (viewerClientIds.length === 0) return [];
    const clientIds = [...viewerClientIds];
    query = query.where((builder) =>
      builder.exists(
        builder
          .selectFrom('user_client_assignments')
          .select('user_client_assignments.user_id')
          .whereRef('user_client_assignments.user_id', '=', 'presence.user_id')
          .where('user_client_assignments.client_id', 'in', clientIds),
      ),
    );
  }
  const rows = await query.orderBy('users.display_name').execute();
  return rows.map((row) => ({ ...row, state: row.state as PresenceState }));
}
