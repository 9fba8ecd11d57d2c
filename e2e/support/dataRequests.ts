/**
 * Helpers for the data-request specs (issue 13): a supervisor in a controlled portal, records of
 * one caller number seeded through the portal API as the agent, and the desk screen's steps.
 */
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';
import { createUser } from '../../src/portal/domain/userStore';
import { AGENT, type ControlledPortal } from './portalDesk';

export const SUPERVISOR = { userName: 'sina.supervisor', password: 'supervisor horse battery' };
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/** A supervisor of every demo client (data requests need supervisor or admin). */
export async function addSupervisor(portal: ControlledPortal): Promise<void> {
  await createUser(
    portal.current().context.database,
    {
      userName: SUPERVISOR.userName,
      displayName: 'Sina Supervisor',
      role: 'supervisor',
      password: SUPERVISOR.password,
      clientIds: DEMO_CLIENTS.map((client) => client.id),
    },
    TEST_COST,
    new Date().toISOString(),
  );
}

/** One JSON request to the portal as `user` (the agent unless said otherwise). */
export async function portalRequest(
  portalUrl: string,
  request: {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  },
  user: { userName: string; password: string } = AGENT,
): Promise<{ status: number; body: unknown }> {
  const login = await fetch(`${portalUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const answer = await fetch(`${portalUrl}${request.path}`, {
    method: request.method,
    headers: {
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      authorization: `Bearer ${accessToken}`,
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  return { status: answer.status, body: await answer.json() };
}

async function create(portalUrl: string, path: string, body: unknown, headers = {}) {
  const answer = await portalRequest(portalUrl, { method: 'POST', path, body, headers });
  if (answer.status !== 201) throw new Error(`Seeding ${path} failed: ${answer.status}`);
}

/** `calls` finished calls from `e164` to the client's first line, and a note on the first. */
export async function seedCallerRecords(
  portalUrl: string,
  e164: string,
  options: { clientIndex?: number; calls?: number; callerName?: string; concern?: string } = {},
): Promise<void> {
  const client = DEMO_CLIENTS[options.clientIndex ?? 0]!;
  const callIds: string[] = [];
  for (let index = 0; index < (options.calls ?? 2); index += 1) {
    const ringAt = Date.now() - (index + 2) * 600_000;
    const id = randomUUID();
    callIds.push(id);
    await create(portalUrl, '/calls', {
      id,
      clientId: client.id,
      line: client.lines[0]!,
      callerNumber: e164,
      ringAt: new Date(ringAt).toISOString(),
      answerAt: new Date(ringAt + 5_000).toISOString(),
      endAt: new Date(ringAt + 65_000).toISOString(),
    });
  }
  await create(
    portalUrl,
    '/notes',
    {
      clientId: client.id,
      callId: callIds[0] ?? null,
      callerName: options.callerName ?? 'Testperson Auskunft',
      company: '',
      callbackNumber: e164,
      concern: options.concern ?? 'Bitte um Rückruf',
      urgency: 'normal',
      preferredCallbackTime: '',
      outcome: 'message-taken',
      freeText: '',
      tags: [],
    },
    { 'idempotency-key': randomUUID() },
  );
}

/** Opens "Auskunft & Löschung" and searches the number as typed. */
export async function searchCaller(page: Page, typed: string): Promise<void> {
  const navigation = page.getByRole('navigation', { name: 'Arbeitsbereiche' });
  await navigation.getByRole('button', { name: /Auskunft & Löschung/ }).click();
  await page.getByLabel('Rufnummer des Anrufers').fill(typed);
  await page.getByRole('button', { name: 'Suchen' }).click();
}

/** Deletes what the last search found, through the confirmation; answers the request ID. */
export async function deleteFound(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Alles löschen …' }).click();
  await page
    .getByRole('dialog', { name: 'Alles zu dieser Nummer löschen?' })
    .getByRole('button', { name: 'Endgültig löschen' })
    .click();
  const receipt = page.getByRole('region', { name: 'Löschbestätigung' });
  await expect(receipt).toBeVisible({ timeout: 20_000 });
  return (await receipt.getByTestId('request-id').textContent()) ?? '';
}
