/**
 * The portal under benchmark, in its own process (one JavaScript thread, so "one core"): starts
 * on the database named by BENCHMARK_DATABASE, creates a client and an agent, and prints one JSON
 * line `{ url, accessToken, clientId }`. Runs until it receives SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { saveClient } from '../domain/clientStore';
import { createUser } from '../domain/userStore';
import { startPortal } from '../startPortal';
import { testClientProfile } from '../testing/testClientProfile';

const CLIENT_ID = 'benchmark-client';
const PASSWORD = 'benchmark-password';
const cost = { N: 2 ** 10, r: 8, p: 1 };

const portal = await startPortal({
  database: process.env.BENCHMARK_DATABASE ?? ':memory:',
  port: 0,
  tokenSecret: randomBytes(32).toString('hex'),
  passwordCost: cost,
  delivery: { enabled: false },
  accessTokenSeconds: 3600,
});
const at = new Date().toISOString();
await saveClient(portal.context.database, testClientProfile(CLIENT_ID, '+4930555000'), at);
await createUser(
  portal.context.database,
  {
    userName: 'benchmark-agent',
    displayName: 'Benchmark',
    role: 'agent',
    password: PASSWORD,
    clientIds: [CLIENT_ID],
  },
  cost,
  at,
);
const login = await fetch(`${portal.url}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ userName: 'benchmark-agent', password: PASSWORD }),
});
const { accessToken } = (await login.json()) as { accessToken: string };
console.log(JSON.stringify({ url: portal.url, accessToken, clientId: CLIENT_ID }));
process.once('SIGTERM', () => {
  void portal.close().then(() => process.exit(0));
});
