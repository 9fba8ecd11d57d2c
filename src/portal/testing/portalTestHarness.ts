/**
 * Starts a real portal on 127.0.0.1 (port 0) for tests, with cheap password hashing and the
 * delivery worker off unless asked for, plus helpers to create users, log in and call the API.
 */
import { randomBytes } from 'node:crypto';
import type { ClientProfile } from '../../shared/domain/clientProfile';
import { saveClient } from '../domain/clientStore';
import { createUser } from '../domain/userStore';
import type { User, TokenPair } from '../../shared/portalWire/authSchemas';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import type { PortalOptions } from '../portalOptions';
import { startPortal, type RunningPortal } from '../startPortal';
import type { TestDatabase, TestDatabaseTarget } from './testDatabases';

/** scrypt with 1 MiB: fast enough for tests that create dozens of users. */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TestPortal {
  readonly portal: RunningPortal;
  readonly url: string;
  createUser(userName: string, role: UserRole, clientIds: string[]): Promise<User>;
  saveClient(profile: ClientProfile): Promise<void>;
  login(userName: string, password?: string): Promise<TokenPair>;
  request<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
  /** The database this portal uses (to start a second portal on it). */
  readonly database: TestDatabase;
}

export async function startTestPortal(
  target: TestDatabaseTarget,
  overrides: Partial<PortalOptions> = {},
  /** Another portal's database: this portal shares it and does not drop it on close. */
  shared?: TestDatabase,
): Promise<TestPortal> {
  const database: TestDatabase = shared ?? (await target.create());
  const portal = await startPortal({
    database: database.location,
    port: 0,
    tokenSecret: randomBytes(32).toString('hex'),
    passwordCost: TEST_PASSWORD_COST,
    ...overrides,
    delivery: { enabled: false, ...overrides.delivery },
  });
  const context = portal.context;
  const at = () => new Date(context.now()).toISOString();
  const request: TestPortal['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers,
      ...(options.body !== undefined
        ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
        : {}),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json');
    return {
      status: response.status,
      body: isJson && text ? JSON.parse(text) : text,
      headers: response.headers,
    } as never;
  };
  return {
    portal,
    url: portal.url,
    createUser: (userName, role, clientIds) =>
      createUser(
        context.database,
        { userName, displayName: userName, role, password: TEST_PASSWORD, clientIds },
        TEST_PASSWORD_COST,
        at(),
      ),
    async saveClient(profile) {
      const result = await saveClient(context.database, profile, at());
      if (result.kind !== 'saved') throw new Error('Test client line already taken');
    },
    async login(userName, password = TEST_PASSWORD) {
      const answer = await request<TokenPair>('POST', '/auth/login', {
        body: { userName, password },
      });
      if (answer.status !== 200) throw new Error(`Login failed with ${answer.status}`);
      return answer.body;
    },
    request,
    database,
    async close() {
      await portal.close();
      if (!shared) await database.drop();
    },
  };
}
