/**
 * The hybrid reception in the lab for the telephony specs: a portal with routing, one bot
 * instance and the demo clients (the law firm open around the clock, so the bot switch alone
 * decides), Kamailio asking that portal, the lab voicebot (`lab/bot.sh`) reporting to it, and
 * the agent's web shell desk registered as 1001, logged in and available.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../../src/shared/demo/demoClients';
import { saveClient } from '../../../src/portal/domain/clientStore';
import { setGlobalBotMode, setLineBotMode } from '../../../src/portal/domain/botSwitchStore';
import {
  LAB_RECEPTION_USER,
  LAB_REPOSITORY_ROOT,
  LAB_SIP_DOMAIN,
  LAB_WS_URL,
  restartKamailio,
  ROUTED_PATH_TIMEOUT_MS,
} from '../../support/lab';
import {
  AGENT,
  logIn,
  openDesk,
  startControlledPortal,
  writeDeskSettings,
  type ControlledPortal,
} from '../../support/portalDesk';
import { createDataDirectory, removeDataDirectory, startWebShell } from '../../support/webShell';
import { expectRegistered, setAvailable } from './agentDesk';
import { connectHostClient, expectOk } from './hostClient';
import { PAGE_PROBE_SCRIPT } from './pageProbe';

export const BOT_TOKEN = 'lab-voicebot-token-0123456789abcdef0123456789';
const ROUTING_SECRET = 'lab-routing-secret-0123456789abcdef';
export const LAW_FIRM_LINE = DEMO_LAW_FIRM.lines[0]!;

export interface HybridLab {
  page: Page;
  portal: ControlledPortal;
  /** Bot switch for the law firm's line (`inherit` follows the global switch, here on). */
  setLineBot(mode: 'on' | 'off' | 'inherit'): Promise<void>;
  /** GET with the agent's token (bot calls, offers, notes …). */
  agentGet<T>(path: string): Promise<T>;
  /** POST with the agent's token; answers the status and the JSON body (if any). */
  agentPost<T>(path: string): Promise<{ status: number; body: T | undefined }>;
  close(): Promise<void>;
}

function runBotScript(argumentsList: string[], environment: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(LAB_REPOSITORY_ROOT, 'lab', 'bot.sh'), ...argumentsList], {
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`lab/bot.sh ${argumentsList[0]}: ${output}`)),
    );
  });
}

export async function openHybridLab(
  browser: Browser,
  options: { botDeepgramUrl: string; deskDeepgramUrl?: string },
): Promise<HybridLab> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
  };
  try {
    const dataDirectory = await createDataDirectory();
    cleanups.unshift(() => removeDataDirectory(dataDirectory));
    const portal = await startControlledPortal(join(dataDirectory, 'remote-portal'), {
      hybrid: {
        routingSecret: ROUTING_SECRET,
        bots: [{ id: 'lab-bot', token: BOT_TOKEN, clientIds: [DEMO_LAW_FIRM.id] }],
        botUri: `sip:voicebot@${LAB_SIP_DOMAIN}`,
        sipDomain: LAB_SIP_DOMAIN,
        // Long enough that a loaded machine never moves the offer on while the spec looks.
        offerSeconds: 120,
        connectSeconds: 60,
        tickMilliseconds: 200,
      },
      agentSipUser: LAB_RECEPTION_USER,
    });
    cleanups.unshift(() => portal.stop());
    const { database } = portal.current().context;
    const at = new Date().toISOString();
    const allWeek = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      weekday,
      opens: '00:00',
      closes: '23:59',
    }));
    await saveClient(database, { ...DEMO_LAW_FIRM, openingHours: allWeek }, at);
    await setGlobalBotMode(database, 'on', portal.agentId, at);

    await restartKamailio({
      portal: {
        url: portal.url,
        routingSecret: ROUTING_SECRET,
        routingTimeoutMs: ROUTED_PATH_TIMEOUT_MS,
      },
    });
    cleanups.unshift(() => restartKamailio({ portal: null }));
    await runBotScript(['start'], {
      EMPFANG_BOT_PORTAL_URL: portal.url,
      EMPFANG_BOT_TOKEN: BOT_TOKEN,
      EMPFANG_BOT_DEEPGRAM_URL: options.botDeepgramUrl,
    });
    cleanups.unshift(() => runBotScript(['stop'], {}));

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
    if (options.deskDeepgramUrl) {
      const connection = await connectHostClient(host);
      expectOk(
        await connection.client.settings.update({
          values: {
            providers: { deepgramBaseUrl: options.deskDeepgramUrl, deepgramLanguage: 'de' },
          },
          secrets: { deepgramApiKey: 'lab' },
        }),
      );
      connection.close();
    }
    const context = await browser.newContext({ locale: 'de-DE' });
    cleanups.unshift(() => context.close());
    // getStats of the desk's peer connections (audio both ways).
    await context.addInitScript(PAGE_PROBE_SCRIPT);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    await openDesk(page, host.url);
    await logIn(page);
    await expectRegistered(page, 20_000);
    await setAvailable(page);

    let token: string | undefined;
    const agentToken = async (): Promise<string> => {
      if (!token) {
        const login = await fetch(`${portal.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(AGENT),
        });
        token = ((await login.json()) as { accessToken: string }).accessToken;
      }
      return token;
    };
    const agentGet = async <T>(path: string): Promise<T> => {
      const answer = await fetch(`${portal.url}${path}`, {
        headers: { authorization: `Bearer ${await agentToken()}` },
      });
      expect(answer.status).toBe(200);
      return (await answer.json()) as T;
    };
    const agentPost = async <T>(path: string) => {
      const answer = await fetch(`${portal.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await agentToken()}` },
      });
      const text = await answer.text();
      return { status: answer.status, body: text ? (JSON.parse(text) as T) : undefined };
    };
    return {
      page,
      portal,
      agentGet,
      agentPost,
      setLineBot: (mode) =>
        setLineBotMode(
          database,
          { line: LAW_FIRM_LINE, clientId: DEMO_LAW_FIRM.id },
          mode,
          portal.agentId,
          new Date().toISOString(),
        ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
