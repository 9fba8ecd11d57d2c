/**
 * A standard cast for route tests: two clients (the users' own and another one), one user per
 * role assigned to the own client, an admin, and a call and a note in each client.
 */
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import { USER_ROLES } from '../../shared/portalWire/commonSchemas';
import type { NoteSubmission } from '../../shared/portalWire/noteSchemas';
import { testClientProfile } from './testClientProfile';
import type { TestPortal } from './portalTestHarness';
import { createHybridFixtures, type HybridFixtures } from './hybridFixtures';
import { createSupervisionFixtures, type SupervisionFixtures } from './supervisionFixtures';
export const OWN_CLIENT = { id: 'own-client', line: '+4930111111' } as const;
export const OTHER_CLIENT = { id: 'other-client', line: '+4930222222' } as const;

export interface PortalFixtures {
  readonly userIds: Record<UserRole, string>;
  readonly tokens: Record<UserRole, string>;
  readonly calls: { own: string; other: string };
  readonly notes: { own: string; other: string };
  /** Bot calls and offers (issue 9). */
  readonly hybrid: HybridFixtures;
  /** Agents and a connected call per scope (issue 10). */
  readonly supervision: SupervisionFixtures;
  /** A finished data request of the own client (issue 13), for its receipt routes. */
  readonly dataRequestId: string;
}

/** A valid note for a client; tests vary single fields. */
export function noteSubmission(
  clientId: string,
  overrides: Partial<NoteSubmission> = {},
): NoteSubmission {
  return {
    clientId,
    callerName: 'Erika Mustermann',
    company: 'Mustermann GmbH',
    callbackNumber: '+49 30 1234567',
    concern: 'Bittet um Rückruf wegen Termin',
    urgency: 'normal',
    preferredCallbackTime: 'heute ab 14 Uhr',
    outcome: 'message-taken',
    freeText: '',
    tags: ['termin'],
    ...overrides,
  };
}

export async function createPortalFixtures(portal: TestPortal): Promise<PortalFixtures> {
  await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
  await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
  const userIds = {} as Record<UserRole, string>;
  const tokens = {} as Record<UserRole, string>;
  for (const role of USER_ROLES) {
    const user = await portal.createUser(
      `${role}-user`,
      role,
      role === 'admin' ? [] : [OWN_CLIENT.id],
    );
    userIds[role] = user.id;
    tokens[role] = (await portal.login(`${role}-user`)).accessToken;
  }
  const calls = { own: randomUUID(), other: randomUUID() };
  const notes = { own: '', other: '' };
  for (const [scope, client] of [
    ['own', OWN_CLIENT],
    ['other', OTHER_CLIENT],
  ] as const) {
    const call = await portal.request('POST', '/calls', {
      token: tokens.admin,
      body: {
        id: calls[scope],
        clientId: client.id,
        line: client.line,
        ringAt: '2025-03-31T08:00:00Z',
      },
    });
    if (call.status !== 201) throw new Error(`Fixture call failed: ${call.status}`);
    const note = await portal.request<{ id: string }>('POST', '/notes', {
      token: tokens.admin,
      body: noteSubmission(client.id),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (note.status !== 201) throw new Error(`Fixture note failed: ${note.status}`);
    notes[scope] = note.body.id;
  }
  const hybrid = await createHybridFixtures(
    portal,
    { own: OWN_CLIENT, other: OTHER_CLIENT },
    userIds,
  );
  const supervision = await createSupervisionFixtures(
    portal,
    { own: OWN_CLIENT, other: OTHER_CLIENT },
    userIds.agent,
  );
  const dataRequest = await portal.request<{ requestId: string }>(
    'POST',
    '/data-requests/deletions',
    {
      token: tokens.admin,
      body: { callerNumber: '+49 151 9999999', clientId: OWN_CLIENT.id, confirm: true },
    },
  );
  if (dataRequest.status !== 201)
    throw new Error(`Fixture data request failed: ${dataRequest.status}`);
  return {
    userIds,
    tokens,
    calls,
    notes,
    hybrid,
    supervision,
    dataRequestId: dataRequest.body.requestId,
  };
}

/** Row counts of every table, to prove a rejected request stored nothing. */
export async function countRows(portal: TestPortal): Promise<Record<string, number>> {
  const database = portal.portal.context.database;
  const tables = [
    'users',
    'user_client_assignments',
    'clients',
    'client_lines',
    'calls',
    'unassigned_line_calls',
    'notes',
    'deliveries',
    'bot_switches',
    'presence',
    'audit_log',
    'deletion_receipts',
    'data_request_receipts',
    'data_request_desk_notices',
    'service_level_targets',
    'alert_acknowledgements',
    'whispers',
    'review_notes',
    'bot_schedules',
    'sessions',
    'refresh_tokens',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await database
      .selectFrom(table)
      .select((builder) => builder.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}
