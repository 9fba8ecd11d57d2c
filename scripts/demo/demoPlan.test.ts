import { describe, expect, it } from 'vitest';
import {
  answeredYes,
  decideDemoOffer,
  DEFAULT_PACE_SECONDS,
  demoBanner,
  demoFolders,
  LAB_INSTALL_COMMAND,
  labMissingMessage,
  missingLabTools,
  parseDemoArguments,
  portsBusyMessage,
  sipIsConfigured,
} from './demoPlan';

describe('parseDemoArguments', () => {
  it('takes --demo, --pace and --no-demo out and leaves the rest for npm start', () => {
    expect(parseDemoArguments(['--demo', '--pace', '20', '--no-open'])).toEqual({
      demo: true,
      paceSeconds: 20,
      offer: true,
      rest: ['--no-open'],
      problems: [],
    });
    expect(parseDemoArguments(['--demo', '--pace=30']).paceSeconds).toBe(30);
    expect(parseDemoArguments([])).toMatchObject({
      demo: false,
      paceSeconds: DEFAULT_PACE_SECONDS,
    });
    expect(parseDemoArguments(['--no-demo', '--web'])).toMatchObject({
      offer: false,
      rest: ['--web'],
    });
  });

  it('refuses a pace that is missing, not whole, too fast, or without --demo', () => {
    for (const argv of [
      ['--demo', '--pace'],
      ['--demo', '--pace', '2.5'],
      ['--demo', '--pace=1'],
    ])
      expect(parseDemoArguments(argv).problems).toHaveLength(1);
    expect(parseDemoArguments(['--pace', '30']).problems).toEqual([
      '--pace only applies with --demo (npm run demo -- --pace 30)',
    ]);
  });
});

describe('the demo offer of npm start', () => {
  it('asks at a terminal, hints without one, and says nothing when SIP is set or the lab is missing', () => {
    expect(decideDemoOffer({ labInstalled: true, sipConfigured: false, interactive: true })).toBe(
      'ask',
    );
    expect(decideDemoOffer({ labInstalled: true, sipConfigured: false, interactive: false })).toBe(
      'hint',
    );
    expect(decideDemoOffer({ labInstalled: true, sipConfigured: true, interactive: true })).toBe(
      'none',
    );
    expect(decideDemoOffer({ labInstalled: false, sipConfigured: false, interactive: true })).toBe(
      'none',
    );
  });

  it('reads whether the desk has a SIP server from its settings file', () => {
    expect(sipIsConfigured(undefined)).toBe(false);
    expect(sipIsConfigured(JSON.stringify({ sip: { uri: '', webSocketServer: '' } }))).toBe(false);
    expect(sipIsConfigured(JSON.stringify({ sip: { uri: 'sip:1001@pbx.example.org' } }))).toBe(
      true,
    );
    expect(sipIsConfigured(JSON.stringify({ sip: { webSocketServer: 'wss://pbx:8443' } }))).toBe(
      true,
    );
    expect(sipIsConfigured('{ not json')).toBe(true);
  });

  it('takes yes in English or German, anything else is no', () => {
    for (const answer of ['y', 'Yes', ' j ', 'ja']) expect(answeredYes(answer)).toBe(true);
    for (const answer of ['', 'n', 'nein', 'yes please']) expect(answeredYes(answer)).toBe(false);
  });
});

describe('what the demo needs', () => {
  it('names the missing lab tools and the one command that installs them', () => {
    const installed = new Set(['kamailio', 'rtpengine', 'sipp']);
    const missing = missingLabTools((command) => installed.has(command));
    expect(missing).toEqual(['espeak-ng', 'sox']);
    const message = labMissingMessage(missing);
    expect(message).toContain('espeak-ng, sox are not installed');
    expect(message).toContain(`    ${LAB_INSTALL_COMMAND}\n`);
    expect(portsBusyMessage([5060])).toContain('5060 is in use');
  });

  it('keeps its state in .demo-run, with the lab state dir of run-isolated when given', () => {
    expect(demoFolders('/repo', {})).toMatchObject({
      root: '/repo/.demo-run',
      lab: '/repo/.demo-run/lab',
      mail: '/repo/.demo-run/mail',
    });
    expect(demoFolders('/repo', { EMPFANG_LAB_RUN_DIR: '/tmp/lab-1' }).lab).toBe('/tmp/lab-1');
  });

  it('prints both desks, the pace, the mail folder and the demo logins', () => {
    const banner = demoBanner({
      deskUrl: 'http://127.0.0.1:4000/#token=a',
      secondDeskUrl: 'http://127.0.0.1:4001/#token=b',
      portalUrl: 'http://127.0.0.1:4002',
      mailFolder: '/repo/.demo-run/mail',
      paceSeconds: 45,
      agent: { userName: 'demo-agent', password: 'x', role: 'agent' },
      watchers: [
        { userName: 'demo-supervisor', password: 'empfang-demo-supervisor', role: 'supervisor' },
      ],
      window: 'print',
    });
    expect(banner).toContain('http://127.0.0.1:4000/#token=a');
    expect(banner).toContain('http://127.0.0.1:4001/#token=b');
    expect(banner).toContain('one call every 45 s');
    expect(banner).toContain('Portal (API, OpenAPI at /openapi.json): http://127.0.0.1:4002');
    expect(banner).toContain('/repo/.demo-run/mail');
    expect(banner).toContain('demo-supervisor / empfang-demo-supervisor');
  });
});
