/**
 * Live assistance end to end, inside the telephony lab: a SIPp caller with generated German
 * speech dials the medical practice's line, the agent answers in the web shell, the caller's
 * and the agent's audio are captured in the page (AudioWorklet), sent to the host and streamed
 * by the real Deepgram SDK to a local server that speaks Deepgram's live protocol (scripted
 * German transcript keyed by audio time). Transcript lines appear, a suggestion card cites the
 * expected approved text, and after hang-up the note form is pre-filled.
 *
 *   bash lab/run-isolated.sh npx playwright test --project telephony e2e/telephony/liveAssist.spec.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { WebSocket } from 'ws';
import {
  startDeepgramServerFake,
  type ScriptedUtterance,
} from '../../lab/providers/deepgramServerFake';
import { createWebSocketProtocol } from '../../src/main/webshell/webSocketProtocol';
import { APP_CONTRACT, type AppClient } from '../../src/shared/contract/appContract';
import { WEB_SHELL_RPC_PATH } from '../../src/shared/contract/channels';
import { DEMO_MEDICAL_PRACTICE } from '../../src/shared/demo/demoClients';
import { createContractClient } from '../../src/shared/rpc/rpcClient';
import {
  LAB_RECEPTION_USER,
  LAB_SIP_DOMAIN,
  LAB_WS_URL,
  labSkipReason,
  startCall,
} from '../support/lab';
import { logIn, startControlledPortal, writeDeskSettings } from '../support/portalDesk';
import {
  createDataDirectory,
  removeDataDirectory,
  startWebShell,
  type WebShellHost,
} from '../support/webShell';
import { expect, test, watchPageErrors } from './support/telephonyTest';

const run = promisify(execFile);
const DEEPGRAM_KEY = 'lab-deepgram-key';
const CLIENT_LINE = DEMO_MEDICAL_PRACTICE.lines[0]!;

/** What the caller says (espeak-ng) and what the fake recognises, by seconds of audio. */
const SCRIPT: ScriptedUtterance[] = [
  { channel: 1, startSeconds: 0.4, endSeconds: 1.6, text: 'Hausarztpraxis, guten Tag.' },
  {
    channel: 0,
    startSeconds: 2.0,
    endSeconds: 3.8,
    text: 'Guten Tag, mein Name ist Erika Mustermann.',
  },
  { channel: 0, startSeconds: 4.2, endSeconds: 6.0, text: 'Wann haben Sie heute geöffnet?' },
  {
    channel: 0,
    startSeconds: 6.4,
    endSeconds: 9.5,
    text: 'Bitte rufen Sie mich zurück unter 0151 12345678, am besten morgen ab 14 Uhr.',
  },
];
const SPOKEN = SCRIPT.filter((line) => line.channel === 0)
  .map((line) => line.text)
  .join(' ');

/** German speech as raw µ-law 8 kHz for SIPp's rtp_stream. */
async function generateCallerSpeech(folder: string): Promise<string> {
  const wave = join(folder, 'caller.wav');
  const ulaw = join(folder, 'caller.ulaw');
  await run('espeak-ng', ['-v', 'de', '-s', '150', '-w', wave, SPOKEN]);
  await run('sox', [wave, '-r', '8000', '-c', '1', '-t', 'ul', ulaw, 'norm', '-3']);
  return ulaw;
}

/** A contract client on the host's WebSocket, as the page has one (same token and origin). */
async function connectHost(host: WebShellHost): Promise<{ client: AppClient; close(): void }> {
  const url = new URL(WEB_SHELL_RPC_PATH, host.origin.replace(/^http/, 'ws'));
  url.searchParams.set('token', host.token);
  const socket = new WebSocket(url, { origin: host.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    client: createContractClient(APP_CONTRACT, createWebSocketProtocol(socket)),
    close: () => socket.close(),
  };
}

type Cleanup = () => Promise<unknown>;

/**
 * A desk in the web shell, logged in to a real portal with the demo clients, registered as the
 * reception user and available; `configure` runs on the host's settings contract first.
 */
async function openAvailableDesk(
  browser: Browser,
  cleanups: Cleanup[],
  configure?: (client: AppClient) => Promise<void>,
): Promise<{ page: Page; speech: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'empfang-live-assist-'));
  cleanups.unshift(() => rm(folder, { recursive: true, force: true }));
  const speech = await generateCallerSpeech(folder);
  const portal = await startControlledPortal(join(folder, 'portal'));
  cleanups.unshift(() => portal.stop());
  const dataDirectory = await createDataDirectory();
  cleanups.unshift(() => removeDataDirectory(dataDirectory));
  await writeDeskSettings(dataDirectory, {
    portalUrl: portal.url,
    sip: {
      uri: `sip:${LAB_RECEPTION_USER}@${LAB_SIP_DOMAIN}`,
      webSocketServer: LAB_WS_URL,
      authorizationUser: LAB_RECEPTION_USER,
      displayName: 'Empfang',
      iceServers: [],
    },
  });
  const host = await startWebShell({ dataDirectory });
  cleanups.unshift(() => host.stop());
  if (configure) {
    const connection = await connectHost(host);
    await configure(connection.client);
    connection.close();
  }
  const context = watchPageErrors(await browser.newContext({ locale: 'de-DE' }));
  cleanups.unshift(() => context.close());
  const page = await context.newPage();
  await page.goto(host.url);
  await logIn(page);
  await page.locator('[data-presence-choice="available"]').click();
  await expect(page.getByTestId('softphone-presence')).toHaveAttribute(
    'data-presence',
    'available',
    { timeout: 20_000 },
  );
  return { page, speech };
}

async function runCleanups(cleanups: Cleanup[]): Promise<void> {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
}

test('a caller is transcribed live, a card cites the approved text, the note is pre-filled', async ({
  browser,
}) => {
  test.skip(!!labSkipReason(), labSkipReason());
  test.setTimeout(150_000);
  const cleanups: Cleanup[] = [];
  try {
    const deepgram = await startDeepgramServerFake({ script: SCRIPT, apiKey: DEEPGRAM_KEY });
    cleanups.unshift(() => deepgram.close());
    // The provider is configured like the settings form does it: through the settings contract.
    const { page, speech } = await openAvailableDesk(browser, cleanups, async (client) => {
      const updated = await client.settings.update({
        values: { providers: { deepgramBaseUrl: deepgram.baseUrl, deepgramLanguage: 'de' } },
        secrets: { deepgramApiKey: DEEPGRAM_KEY },
      });
      expect(updated.ok && updated.value.secretsSet.deepgramApiKey).toBe(true);
    });

    const caller = startCall({
      target: CLIENT_LINE,
      scenario: 'caller-wait',
      audio: speech,
      callerName: 'Erika Mustermann',
      timeoutSeconds: 120,
    });
    cleanups.unshift(() => caller.stop());
    await page.getByRole('button', { name: 'Annehmen', exact: true }).click();

    const transcript = page.locator('.transcript-panel');
    await expect(transcript.getByTestId('transcript-status')).toContainText('Transkription läuft', {
      timeout: 20_000,
    });
    await expect(
      transcript.getByRole('button', { name: /Wann haben Sie heute geöffnet\?/ }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(
      transcript.getByRole('button', { name: /Hausarztpraxis, guten Tag/ }),
    ).toContainText('Ich');
    // Hold pauses capture (no audio leaves the page), resume restarts it.
    await page.getByRole('button', { name: 'Halten', exact: true }).click();
    await expect(transcript.getByTestId('transcript-status')).toContainText('Aufnahme pausiert', {
      timeout: 10_000,
    });
    const heldAt = deepgram.audioSeconds();
    await page.waitForTimeout(1500);
    expect(deepgram.audioSeconds() - heldAt).toBeLessThan(0.5);
    await page.getByRole('button', { name: 'Fortsetzen', exact: true }).click();
    await expect(transcript.getByTestId('transcript-status')).not.toContainText(
      'Aufnahme pausiert',
      {
        timeout: 10_000,
      },
    );

    const suggestions = page.locator('.suggestions-panel');
    await expect(
      suggestions
        .locator('[data-text-id="med-opening-hours"]')
        .getByText('Freigabetext: Sprechzeiten'),
    ).toBeVisible({ timeout: 10_000 });
    await expect(suggestions).toContainText(DEMO_MEDICAL_PRACTICE.approvedTexts[0]!.text);
    // The last line is final before the agent hangs up, so the draft has the number.
    await expect(
      transcript.getByRole('button', { name: /am besten morgen ab 14 Uhr\./ }),
    ).toBeVisible({
      timeout: 30_000,
    });
    expect(deepgram.connections[0]?.authorization).toBe(`Token ${DEEPGRAM_KEY}`);
    expect(deepgram.audioSeconds()).toBeGreaterThan(9);

    // The note is open from the answer on: a line quoted during the call goes straight in.
    await transcript.getByRole('button', { name: /Wann haben Sie heute geöffnet\?/ }).click();
    await expect(transcript).toContainText('Zeile in die Notiz übernommen');
    await expect(page.getByLabel('Notiz', { exact: true })).toHaveValue(
      '„Wann haben Sie heute geöffnet?“',
    );

    await page.getByRole('button', { name: 'Auflegen', exact: true }).click();
    await expect(transcript).toContainText('Notiz aus dem Gespräch vorausgefüllt', {
      timeout: 20_000,
    });
    await expect(page.getByLabel('Name des Anrufers')).toHaveValue('Erika Mustermann');
    await expect(page.getByLabel('Rückrufnummer')).toHaveValue('+4915112345678');
    await expect(page.getByLabel('Anliegen')).toHaveValue(/geöffnet/);
    await expect(page.getByText('Von der KI vorausgefüllt – bitte prüfen').first()).toBeVisible();
    await expect(page.getByLabel('Notiz', { exact: true })).toHaveValue(
      '„Wann haben Sie heute geöffnet?“',
    );
    const sipp = await caller.exited;
    expect(sipp.events.join('\n')).toContain('answered');
    // CloseStream at hang-up: the provider connection was finished cleanly.
    expect(deepgram.connections.at(-1)?.closeStreams).toBeGreaterThanOrEqual(1);
  } finally {
    await runCleanups(cleanups);
  }
});

test('without a provider the transcript says why, and the call and the note still work', async ({
  browser,
}) => {
  test.skip(!!labSkipReason(), labSkipReason());
  test.setTimeout(120_000);
  const cleanups: Cleanup[] = [];
  try {
    const { page, speech } = await openAvailableDesk(browser, cleanups);
    const caller = startCall({
      target: CLIENT_LINE,
      scenario: 'caller-wait',
      audio: speech,
      timeoutSeconds: 60,
    });
    cleanups.unshift(() => caller.stop());
    await page.getByRole('button', { name: 'Annehmen', exact: true }).click();
    const transcript = page.locator('.transcript-panel');
    await expect(transcript.getByTestId('transcript-status')).toContainText(
      'Transkription ist aus: kein Anbieter eingerichtet.',
      { timeout: 20_000 },
    );
    await expect(page.locator('.suggestions-panel')).toContainText(
      'Vorschläge erscheinen, sobald der Anrufer etwas fragt.',
    );
    await page.waitForTimeout(1000);
    // No provider: no audio is captured at all.
    await expect(transcript.getByTestId('transcript-status')).not.toContainText('Aufnahme');
    await page.getByRole('button', { name: 'Auflegen', exact: true }).click();
    await expect(transcript).toContainText('Kein Notizentwurf', { timeout: 20_000 });
    await expect(page.getByLabel('Anliegen')).toHaveValue('');
    expect((await caller.exited).events.join('\n')).toContain('answered');
  } finally {
    await runCleanups(cleanups);
  }
});
