/**
 * Issue 13: a client's AI provider allow-list travels through `PUT /clients/:clientId`, and a
 * change of the effective list (also from the secrecy default) is audited with the lists only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OWN_CLIENT } from '../../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../../testing/portalTestHarness';
import { testClientProfile } from '../../testing/testClientProfile';
import { SQLITE_TARGET } from '../../testing/testDatabases';

let portal: TestPortal;
let token: string;
beforeAll(async () => {
  portal = await startTestPortal(SQLITE_TARGET);
  await portal.createUser('ai-admin', 'admin', []);
  token = (await portal.login('ai-admin')).accessToken;
});
afterAll(async () => portal?.close());

const changes = async () =>
  (
    await portal.request<{ action: string; details: Record<string, unknown> }[]>(
      'GET',
      '/audit-log?limit=100',
      { token },
    )
  ).body.filter((entry) => entry.action === 'client.ai-providers-changed');

it('stores the allow-list and audits each change of the effective list', async () => {
  const secrecy = testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line, { professionalSecrecy: true });
  const put = (body: unknown) =>
    portal.request('PUT', `/clients/${OWN_CLIENT.id}`, { token, body });
  expect((await put(secrecy)).status).toBe(201);
  expect(await changes()).toHaveLength(1);
  expect((await put(secrecy)).status).toBe(200);
  expect(await changes()).toHaveLength(1);
  const allowing = { ...secrecy, aiProviders: { transcription: ['deepgram'], model: [] } };
  expect((await put(allowing)).status).toBe(200);
  const stored = await portal.request<{ aiProviders?: unknown }>(
    'GET',
    `/clients/${OWN_CLIENT.id}`,
    {
      token,
    },
  );
  expect(stored.body.aiProviders).toEqual({ transcription: ['deepgram'], model: [] });
  const entries = await changes();
  expect(entries).toHaveLength(2);
  expect(entries[0]?.details).toEqual({
    transcription: 'deepgram',
    model: '',
    previousTranscription: '',
    previousModel: '',
  });
});
