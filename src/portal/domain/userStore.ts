/** Users, their roles and client assignments. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { PortalDatabase, UsersTable } from '../database/databaseSchema';
import { hashPassword, type ScryptCost } from '../auth/passwordHashing';
import type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
} from '../../shared/portalWire/authSchemas';
import type { UserRole } from '../../shared/portalWire/commonSchemas';

type Database = Kysely<PortalDatabase> | Transaction<PortalDatabase>;

async function clientIdsOf(database: Database, userIds: string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await database
    .selectFrom('user_client_assignments')
    .select(['user_id', 'client_id'])
    .where('user_id', 'in', userIds)
    .orderBy('client_id')
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(row.client_id);
  return byUser;
}

function toUser(row: UsersTable, clientIds: string[]): User {
  return {
    id: row.id,
    userName: row.user_name,
    displayName: row.display_name,
    role: row.role as UserRole,
    clientIds,
    disabled: row.disabled === 1,
  };
}

export async function getUser(database: Database, userId: string): Promise<User | undefined> {
  const row = await database
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return toUser(row, (await clientIdsOf(database, [row.id])).get(row.id) ?? []);
}

/**
 * The one folding of user names, for lookup and rate limiting: Unicode lower case. Stored names
 * are ASCII (`UserNameSchema`), so folding only matters for what a login types: `ANNA` finds
 * `anna`, and so does the Kelvin sign U+212A for a `k` (its lower case is `k`). Intended: it
 * can only reach the account whose name it spells, and the password still decides.
 */
export function foldUserName(userName: string): string {
  return userName.toLowerCase();
}

export async function findUserRowByName(
  database: Database,
  userName: string,
): Promise<UsersTable | undefined> {
  return database
    .selectFrom('users')
    .selectAll()
    .where('user_name', '=', foldUserName(userName))
    .executeTakeFirst();
}

export async function listUsers(database: Database): Promise<User[]> {
  const rows = await database.selectFrom('users').selectAll().orderBy('user_name').execute();
  const clientIds = await clientIdsOf(
    database,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toUser(row, clientIds.get(row.id) ?? []));
}

async function replaceAssignments(database: Database, userId: string, clientIds: string[]) {
  await database.deleteFrom('user_client_assignments').where('user_id', '=', userId).execute();
  const unique = [...new Set(clientIds)];
  if (unique.length > 0) {
    await database
      .insertInto('user_client_assignments')
      .values(unique.map((clientId) => ({ user_id: userId, client_id: clientId })))
      .execute();
  }
}

/** Creates a user; the caller checks that the user name is free. */
export async function createUser(
  database: Database,
  request: CreateUserRequest,
  cost: ScryptCost,
  at: string,
): Promise<User> {
  const id = randomUUID();
  await database
    .insertInto('users')
    .values({
      id,
      user_name: foldUserName(request.userName),
      display_name: request.displayName,
      role: request.role,
      password_hash: await hashPassword(request.password, cost),
      disabled: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await replaceAssignments(database, id, request.clientIds);
  return (await getUser(database, id)) as User;
}

/** Applies the given changes; returns the user before and after. */
export async function updateUser(
  database: Database,
  userId: string,
  request: UpdateUserRequest,
  cost: ScryptCost,
  at: string,
): Promise<{ before: User; after: User } | undefined> {
  const before = await getUser(database, userId);
  if (!before) return undefined;
  await database
    .updateTable('users')
    .set({
      updated_at: at,
      ...(request.displayName !== undefined ? { display_name: request.displayName } : {}),
      ...(request.role !== undefined ? { role: request.role } : {}),
      ...(request.disabled !== undefined ? { disabled: request.disabled ? 1 : 0 } : {}),
      ...(request.password !== undefined
        ? { password_hash: await hashPassword(request.password, cost) }
        : {}),
    })
    .where('id', '=', userId)
    .execute();
  if (request.clientIds !== undefined)
    await replaceAssignments(database, userId, request.clientIds);
  return { before, after: (await getUser(database, userId)) as User };
}
