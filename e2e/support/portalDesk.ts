/**
 * Helpers for the desk's portal specs (login, client card, notes): a real portal the test
 * controls (stop/start on the same port and SQLite file, optional SMTP), desk settings written
 * before the host starts, a Chromium the test can kill with SIGKILL (its own process group,
 * a persistent profile, driven over CDP), and page steps (log in, write a note).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import {
  DEFAULT_SETTINGS,
  type SettingsValues,
} from '../../src/shared/contract/services/settingsService';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';
import { saveClient } from '../../src/portal/domain/clientStore';
import { createUser } from '../../src/portal/domain/userStore';
import type { PortalOptions, SmtpSettings } from '../../src/portal/portalOptions';
import { setSipUser } from '../../src/portal/hybrid/agentStates';
import { startPortal, type RunningPortal } from '../../src/portal/startPortal';
import { CHROMIUM_ARGUMENTS, CHROMIUM_EXECUTABLE } from '../../playwright.config';

export const AGENT = { userName: 'anna.agent', password: 'correct horse battery staple' };
/** The agent's name as the portal shows it (and the greeting says it). */
export const AGENT_DISPLAY_NAME = 'Anna Agent';
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

export interface ControlledPortal {
  readonly url: string;
  /** The agent's user ID in the portal. */
  readonly agentId: string;
  current(): RunningPortal;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A portal with the demo clients and one agent assigned to all of them. */
export async function startControlledPortal(
  folder: string,
  options: {
    smtp?: SmtpSettings;
    /** Hybrid reception (bots, timers); the agent then gets the SIP user `agentSipUser`. */
    hybrid?: PortalOptions['hybrid'];
    agentSipUser?: string;
    /** Collects the portal's request log (level info) here, to be searched for personal data. */
    logLines?: string[];
  } = {},
): Promise<ControlledPortal> {
  await mkdir(folder, { recursive: true });
  const tokenSecret = randomBytes(32).toString('hex');
  const start = (port: number) =>
    startPortal({
      database: join(folder, 'portal.sqlite'),
      port,
      tokenSecret,
      passwordCost: TEST_COST,
      ...(options.smtp ? { smtp: options.smtp } : {}),
      delivery: options.smtp
        ? { enabled: true, pollIntervalMilliseconds: 200, baseDelayMilliseconds: 200 }
        : { enabled: false },
      ...(options.hybrid ? { hybrid: options.hybrid } : {}),
      ...(options.logLines
        ? {
            logLevel: 'info' as const,
            logStream: { write: (line: string) => void options.logLines!.push(line) },
          }
        : {}),
    });
  let running: RunningPortal | undefined = await start(0);
  const port = Number(new URL(running.url).port);
  const at = new Date().toISOString();
  for (const profile of DEMO_CLIENTS) await saveClient(running.context.database, profile, at);
  const agent = await createUser(
    running.context.database,
    {
      userName: AGENT.userName,
      displayName: AGENT_DISPLAY_NAME,
      role: 'agent',
      password: AGENT.password,
      clientIds: DEMO_CLIENTS.map((client) => client.id),
    },
    TEST_COST,
    at,
  );
  if (options.agentSipUser)
    await setSipUser(running.context.database, agent.id, options.agentSipUser);
  return {
    url: running.url,
    agentId: agent.id,
    current: () => running!,
    stop: async () => {
      await running?.close();
      running = undefined;
    },
    start: async () => {
      running ??= await start(port);
    },
  };
}

/** Writes the desk's settings file before its host starts. */
export async function writeDeskSettings(
  dataDirectory: string,
  values: Partial<SettingsValues>,
): Promise<void> {
  await writeFile(
    join(dataDirectory, 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...values }, null, 2),
  );
}

/** Every note of a client as the portal has it (read through its API as the agent). */
export async function portalNotes(
  portalUrl: string,
  clientId: string,
): Promise<{ concern: string; idempotencyKey: string; status: string }[]> {
  const login = await fetch(`${portalUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(AGENT),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const answer = await fetch(`${portalUrl}/notes?clientId=${clientId}&limit=1000`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return (await answer.json()) as { concern: string; idempotencyKey: string; status: string }[];
}

/** Opens the desk of a web shell host in a page and waits for the frame. */
export async function openDesk(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('app-frame')).toBeVisible({ timeout: 20_000 });
}

/** The raw mail with quoted-printable soft line breaks joined, for text checks. */
export function mailText(raw: string): string {
  return raw.replace(/=\r?\n/g, '');
}

export async function logIn(page: Page, user = AGENT): Promise<void> {
  await page.getByLabel('Benutzername').fill(user.userName);
  await page.getByLabel('Passwort', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText(/Angemeldet als/)).toBeVisible();
}

/** Opens a note without a call for the client and fills outcome and concern. */
export async function startNote(page: Page, clientName: string, concern: string): Promise<void> {
  await page.getByRole('button', { name: 'Notiz ohne Anruf' }).click();
  await page.getByRole('combobox', { name: 'Auftraggeber' }).selectOption({ label: clientName });
  await page.getByRole('button', { name: 'Notiz beginnen' }).click();
  await page.getByLabel('Ergebnis').selectOption('message-taken');
  await page.getByLabel('Anliegen').fill(concern);
}

export interface KillableBrowser {
  readonly browser: Browser;
  readonly pid: number;
  /** SIGKILL to the whole browser process group: no shutdown, no flush. */
  kill(): Promise<void>;
}

/** Starts Debian Chromium with a persistent profile, in its own process group, over CDP. */
export async function launchKillableChromium(profileDirectory: string): Promise<KillableBrowser> {
  const child = spawn(
    CHROMIUM_EXECUTABLE,
    [
      '--headless=new',
      `--user-data-dir=${profileDirectory}`,
      '--remote-debugging-port=0',
      ...CHROMIUM_ARGUMENTS,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const killGroup = (): void => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium did not start')), 20_000);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', () => reject(new Error('Chromium exited before it listened')));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    pid: child.pid!,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup();
      await exited;
      process.removeListener('exit', killGroup);
    },
  };
}
