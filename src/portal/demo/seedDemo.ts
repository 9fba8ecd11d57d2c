/**
 * Demo data: the three demo clients from src/shared/demo (law firm, medical practice, plumbing
 * business) and one user per role, assigned to all three. The passwords are public lab/demo
 * credentials (see README): never seed a portal that holds real data.
 * Seeding twice is harmless: clients are saved again (same content), existing users are kept.
 */
import type { Kysely } from 'kysely';
import { DEMO_CLIENTS } from '../../shared/demo/demoClients';
import type { PortalDatabase } from '../database/databaseSchema';
import { appendAudit } from '../domain/auditLog';
import { saveClient } from '../domain/clientStore';
import { createUser, findUserRowByName } from '../domain/userStore';
import { setSipUser } from '../hybrid/agentStates';
import type { ScryptCost } from '../auth/passwordHashing';
import { USER_ROLES, type UserRole } from '../../shared/portalWire/commonSchemas';

/** Lab/demo credentials only. */
export const DEMO_USERS: ReadonlyArray<{
  userName: string;
  displayName: string;
  role: UserRole;
  password: string;
}> = USER_ROLES.map((role) => ({
  userName: `demo-${role}`,
  displayName: `Demo ${role}`,
  role,
  password: `empfang-demo-${role}`,
}));

export interface SeedSummary {
  readonly clientsSaved: string[];
  readonly clientsSkipped: string[];
  readonly usersCreated: string[];
  readonly usersKept: string[];
}

export async function seedDemo(
  database: Kysely<PortalDatabase>,
  passwordCost: ScryptCost,
  now: () => number,
): Promise<SeedSummary> {
  const at = () => new Date(now()).toISOString();
  const summary = {
    clientsSaved: [] as string[],
    clientsSkipped: [] as string[],
    usersCreated: [] as string[],
    usersKept: [] as string[],
  };
  for (const profile of DEMO_CLIENTS) {
    const result = await saveClient(database, profile, at());
    if (result.kind !== 'saved') {
      // A real client owns one of the demo lines: leave it alone.
      summary.clientsSkipped.push(profile.id);
      continue;
    }
    summary.clientsSaved.push(profile.id);
    await appendAudit(database, {
      at: at(),
      actorUserId: null,
      action: 'client.saved',
      clientId: profile.id,
      targetType: 'client',
      targetId: profile.id,
      details: { created: result.created, demo: true },
    });
  }
  const clientIds = DEMO_CLIENTS.map((profile) => profile.id);
  for (const [index, user] of DEMO_USERS.entries()) {
    // The lab's SIP users 1001–1004 (lab/README.md), one per demo user, for call routing.
    const sipUser = String(1001 + index);
    const existing = await findUserRowByName(database, user.userName);
    if (existing) {
      if (!existing.sip_user) await setSipUser(database, existing.id, sipUser);
      summary.usersKept.push(user.userName);
      continue;
    }
    const created = await createUser(
      database,
      { ...user, clientIds: user.role === 'admin' ? [] : clientIds },
      passwordCost,
      at(),
    );
    await setSipUser(database, created.id, sipUser);
    await appendAudit(database, {
      at: at(),
      actorUserId: null,
      action: 'user.created',
      clientId: null,
      targetType: 'user',
      targetId: created.id,
      details: { role: user.role, demo: true },
    });
    summary.usersCreated.push(user.userName);
  }
  return summary;
}
