/**
 * Screenshots of every main view for the README and reviews: the calls area idle and during a
 * call (call bar, client card, transcript, suggestions, note), history, directory, bot calls and
 * settings; light and dark, German and English; 1366×768 (the commonest office screen).
 *
 *   npm run screenshots     (= bash lab/run-isolated.sh npx tsx scripts/captureScreenshots.ts)
 *   npx tsx scripts/captureScreenshots.ts [--out docs/screenshots] [--no-call]
 *
 * A real portal with the demo clients and a bot (bot calls come through the portal's bot API),
 * a web shell host and Debian's headless Chromium; the call is a real SIPp call through the lab
 * (so it is taken only inside `lab/run-isolated.sh`; outside it says so and skips the call
 * views). PNGs are reduced to a 256-colour palette with ImageMagick when `convert` exists, which
 * keeps UI screenshots sharp at a quarter of the size. Only the set the README shows is kept
 * in git (docs/screenshots/.gitignore).
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../src/shared/demo/demoClients';
import { botApi, makeAgentAvailable } from '../e2e/support/bot';
import {
  generateLabAudio,
  LAB_RECEPTION_USER,
  LAB_SIP_DOMAIN,
  LAB_WS_URL,
  labSkipReason,
  startCall,
} from '../e2e/support/lab';
import { openPortalWebDesk } from '../e2e/support/portalWebDesk';
import { startDeepgramServerFake } from '../lab/providers/deepgramServerFake';
import { expectRegistered, setAvailable } from '../e2e/telephony/support/agentDesk';
import { buildIsCurrent } from '../e2e/webshell/globalSetup';
import { REPOSITORY_ROOT } from '../e2e/support/webShell';
import { CHROMIUM_ARGUMENTS, CHROMIUM_EXECUTABLE } from '../playwright.config';

const run = promisify(execFile);
const BOT_TOKEN = 'bot-token-for-the-screenshots-0123456789abcdef';
const VIEWPORT = { width: 1366, height: 768 };

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: join(REPOSITORY_ROOT, 'docs', 'screenshots') },
    'no-call': { type: 'boolean', default: false },
  },
});
const folder = options.out;
const withCall = !options['no-call'] && !labSkipReason();

const LABELS = {
  de: {
    history: 'Verlauf',
    directory: 'Verzeichnis',
    botCalls: 'Bot-Gespräche',
    settings: 'Einstellungen',
  },
  en: { history: 'History', directory: 'Directory', botCalls: 'Bot calls', settings: 'Settings' },
} as const;

async function hasConvert(): Promise<boolean> {
  return run('convert', ['-version']).then(
    () => true,
    () => false,
  );
}

async function save(page: Page, name: string, palette: boolean): Promise<void> {
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path });
  if (palette) await run('convert', [path, '-colors', '256', `PNG8:${path}`]);
  console.log(`wrote ${path}`);
}

async function showArea(page: Page, key: string, heading: string): Promise<void> {
  await page.keyboard.press(`Alt+${key}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  // Focus rings on the heading are for keyboard users; the picture shows the view.
  await page.getByRole('heading', { level: 1, name: heading }).blur();
}

/**
 * What the caller "says" in the call view (the desk's live transcription against the lab's
 * Deepgram-protocol server): a question the law firm's approved texts answer, so the picture
 * shows a transcript and a cited suggestion, not empty panels.
 */
const CALLER_SCRIPT = [
  { channel: 0, startSeconds: 0.5, endSeconds: 2, text: 'Guten Tag, hier ist Jana Schulz.' },
  {
    channel: 0,
    startSeconds: 2.5,
    endSeconds: 5,
    text: 'Ich hätte gern einen Termin für eine Erstberatung. Was kostet die Erstberatung?',
  },
];

async function capture(
  browser: Browser,
  language: 'de' | 'en',
  theme: 'light' | 'dark',
  palette: boolean,
  deepgramUrl: string | undefined,
): Promise<void> {
  const desk = await openPortalWebDesk(browser, {
    ...(deepgramUrl ? { deepgramUrl } : {}),
    language,
    theme,
    viewport: VIEWPORT,
    hybrid: {
      bots: [{ id: 'lab-bot', token: BOT_TOKEN, clientIds: [DEMO_LAW_FIRM.id] }],
      botUri: `sip:voicebot@${LAB_SIP_DOMAIN}`,
      offerSeconds: 120,
      connectSeconds: 120,
      tickMilliseconds: 200,
    },
    agentSipUser: LAB_RECEPTION_USER,
    ...(withCall
      ? {
          sip: {
            uri: `sip:${LAB_RECEPTION_USER}@${LAB_SIP_DOMAIN}`,
            webSocketServer: LAB_WS_URL,
            authorizationUser: LAB_RECEPTION_USER,
            displayName: 'Empfang',
            iceServers: [],
          },
        }
      : {}),
  });
  const { page, portal } = desk;
  const suffix = `${language}-${theme}`;
  const labels = LABELS[language];
  try {
    if (withCall) {
      await expectRegistered(page, 30_000);
      await setAvailable(page);
    }
    await save(page, `calls-idle-${suffix}`, palette);

    if (withCall) {
      const caller = startCall({
        target: DEMO_LAW_FIRM.lines[0]!,
        scenario: 'caller-wait',
        callSeconds: 60,
        timeoutSeconds: 90,
      });
      try {
        const ringing = page.getByTestId('softphone-incoming');
        await expect(ringing).toBeVisible({ timeout: 20_000 });
        await ringing.first().locator('[data-action="answer"]').click();
        await expect(
          page.locator('[data-testid="softphone-call"][data-call-state="active"]'),
        ).toBeVisible();
        await expect(page.getByTestId('client-card-greeting')).toBeVisible();
        await expect(page.getByTestId('note-form')).toBeVisible();
        // The transcript and a cited suggestion, when the transcription server is there.
        if (deepgramUrl) {
          await expect(page.locator('.transcript-line').nth(1)).toBeVisible({ timeout: 30_000 });
          await expect(page.locator('.suggestion-card-answer').first()).toBeVisible({
            timeout: 30_000,
          });
        }
        await page.mouse.move(0, 0);
        await save(page, `call-${suffix}`, palette);
        await page.locator('[data-action="hang-up"]').first().click();
      } finally {
        await caller.stop().catch(() => undefined);
      }
    }

    const bot = botApi(portal.url, BOT_TOKEN);
    await makeAgentAvailable(portal);
    await bot.call(DEMO_LAW_FIRM.lines[0]!, [
      ['bot', 'Guten Tag, hier ist der KI-Assistent der Kanzlei Brandt & Okafor.'],
      ['caller', 'Ich hätte gern einen Termin für eine Erstberatung nächste Woche.'],
      ['bot', 'Gern. Wie ist Ihr Name?'],
    ]);

    await showArea(page, '2', labels.history);
    await save(page, `history-${suffix}`, palette);
    await showArea(page, '3', labels.directory);
    await expect(page.getByTestId('directory-client').first()).toBeVisible({ timeout: 20_000 });
    await save(page, `directory-${suffix}`, palette);
    await showArea(page, '6', labels.botCalls);
    await expect(page.getByTestId('bot-call-row').first()).toBeVisible({ timeout: 20_000 });
    await save(page, `bot-calls-${suffix}`, palette);
    await showArea(page, '5', labels.settings);
    await save(page, `settings-${suffix}`, palette);
  } finally {
    await desk.close();
  }
}

if (!buildIsCurrent()) {
  console.log('Building the renderer and hosts (electron-vite build) …');
  await run(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: REPOSITORY_ROOT,
  });
}
// The bundled host starts in about a second; the source through tsx can take 30 s on a busy
// machine (the e2e global setup does the same with private copies).
process.env.EMPFANG_HOST_ENTRY ??= join(REPOSITORY_ROOT, 'out', 'main', 'webshell.js');
process.env.EMPFANG_RENDERER_DIR ??= join(REPOSITORY_ROOT, 'out', 'renderer');
await mkdir(folder, { recursive: true });
const palette = await hasConvert();
if (!palette) console.log('ImageMagick `convert` not found: PNGs are written uncompressed.');
if (!withCall) {
  console.log(
    options['no-call']
      ? 'Skipping the call views (--no-call).'
      : `Skipping the call views: ${labSkipReason()}`,
  );
}
const browser = withCall
  ? await chromium.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      args: [
        ...CHROMIUM_ARGUMENTS,
        `--use-file-for-fake-audio-capture=${(await generateLabAudio()).speechWav}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
    })
  : await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGUMENTS });
try {
  for (const language of ['de', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      // A fresh script per desk: the fake answers by audio time from the call's start.
      const transcription = withCall
        ? await startDeepgramServerFake({ script: CALLER_SCRIPT })
        : undefined;
      try {
        await capture(browser, language, theme, palette, transcription?.baseUrl);
      } finally {
        await transcription?.close();
      }
    }
  }
} finally {
  await browser.close();
}
