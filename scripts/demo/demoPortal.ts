/**
 * The demo's portal, in the launcher's process: a fresh SQLite file, the demo clients and one
 * demo user per role (src/portal/demo/seedDemo.ts; the agent is SIP user 1001), hybrid reception
 * on (routing secret, one bot for all three clients, the lab voicebot's URI), every client open
 * around the clock so the bot answers whatever the time, and delivery to the mail catcher.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from '../../src/portal/auth/passwordHashing';
import { DEMO_USERS, seedDemo } from '../../src/portal/demo/seedDemo';
import { setGlobalBotMode } from '../../src/portal/domain/botSwitchStore';
import { saveClient } from '../../src/portal/domain/clientStore';
import { findUserRowByName } from '../../src/portal/domain/userStore';
import { startPortal, type RunningPortal } from '../../src/portal/startPortal';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';

export const DEMO_BOT_URI = 'sip:voicebot@127.0.0.1';

export interface DemoPortal {
  readonly url: string;
  readonly routingSecret: string;
  readonly botToken: string;
  readonly portal: RunningPortal;
}

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  opens: '00:00',
  closes: '23:59',
}));

export async function startDemoPortal(options: {
  database: string;
  smtpPort: number;
  /** Tests pass a cheap cost; the demo uses the portal's default. */
  passwordCost?: ScryptCost;
}): Promise<DemoPortal> {
  const passwordCost = options.passwordCost ?? DEFAULT_SCRYPT_COST;
  // A fresh database per start: every demo begins the same way.
  await rm(options.database, { force: true });
  const routingSecret = randomBytes(24).toString('hex');
  const botToken = randomBytes(24).toString('hex');
  const portal = await startPortal({
    database: options.database,
    port: 0,
    tokenSecret: randomBytes(32).toString('hex'),
    passwordCost,
    smtp: { host: '127.0.0.1', port: options.smtpPort, from: 'Empfang Demo <notizen@localhost>' },
    delivery: { enabled: true, pollIntervalMilliseconds: 1000, baseDelayMilliseconds: 1000 },
    hybrid: {
      routingSecret,
      bots: [{ id: 'demo-bot', token: botToken, clientIds: DEMO_CLIENTS.map((c) => c.id) }],
      botUri: DEMO_BOT_URI,
      sipDomain: '127.0.0.1',
      fallbackSipUsers: ['1001'],
      offerSeconds: 60,
      connectSeconds: 30,
    },
  });
  try {
    const { database } = portal.context;
    await seedDemo(database, passwordCost, Date.now);
    const at = new Date().toISOString();
    for (const client of DEMO_CLIENTS)
      await saveClient(database, { ...client, openingHours: ALL_WEEK, holidays: [] }, at);
    const admin = await findUserRowByName(database, adminUserName());
    if (!admin) throw new Error('the demo admin was not created');
    await setGlobalBotMode(database, 'on', admin.id, at);
  } catch (error) {
    await portal.close();
    throw error;
  }
  return { url: portal.url, routingSecret, botToken, portal };
}

function adminUserName(): string {
  return DEMO_USERS.find((user) => user.role === 'admin')!.userName;
}

/** The demo login of a role (public demo credentials, printed in the banner). */
export function demoLogin(role: (typeof DEMO_USERS)[number]['role']) {
  const user = DEMO_USERS.find((candidate) => candidate.role === role)!;
  return { userName: user.userName, password: user.password, role };
}
