/**
 * Lab-wide actions for tests: test audio, network faults, Kamailio restart, DTMF seen by
 * rtpengine. Assumes the process runs inside `lab/run-isolated.sh` (faults refuse otherwise).
 */
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import path from 'node:path';
import { promisify } from 'node:util';
import { LAB_DTMF_LOG_PORT, LAB_HOST, LAB_REPOSITORY_ROOT } from './labConstants';

const execFileAsync = promisify(execFile);

/** Runs a lab script and returns its stdout; rejects with its output when it fails. */
async function runLabScript(
  script: string,
  argumentsList: string[] = [],
  environment: NodeJS.ProcessEnv = {},
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(
      'bash',
      [path.join(LAB_REPOSITORY_ROOT, 'lab', script), ...argumentsList],
      { env: { ...process.env, ...environment }, timeout: 60_000 },
    );
    return stdout;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `lab/${script} ${argumentsList.join(' ')} failed: ${failure.message}\n${failure.stderr ?? ''}`,
    );
  }
}

/** Absolute paths of the generated test audio (see lab/audio/generate.sh). */
export interface LabAudio {
  directory: string;
  /** German speech, 48 kHz 16-bit mono WAV: Chromium --use-file-for-fake-audio-capture. */
  speechWav: string;
  /** The same speech as raw µ-law 8 kHz (SIPp rtp_stream). */
  speechUlaw: string;
  /** 1 kHz tone, 48 kHz 16-bit mono WAV. */
  toneWav: string;
  toneUlaw: string;
  /** 2 s of µ-law silence. */
  silenceUlaw: string;
}

/** Generates (once per state dir) and returns the lab's test audio. */
export async function generateLabAudio(): Promise<LabAudio> {
  const directory = (await runLabScript('audio/generate.sh')).trim();
  return {
    directory,
    speechWav: path.join(directory, 'speech-48k.wav'),
    speechUlaw: path.join(directory, 'speech.ulaw'),
    toneWav: path.join(directory, 'tone-48k.wav'),
    toneUlaw: path.join(directory, 'tone.ulaw'),
    silenceUlaw: path.join(directory, 'silence.ulaw'),
  };
}

/** Which lab traffic a fault hits: SIP (5060, 8080, 8443), media (30000-30999) or both. */
/** sip, media, all lab ports, or a list such as `ports:8081,30012` (one desk's link). */
export type FaultScope = 'sip' | 'media' | 'all' | `ports:${string}`;

function timeFrom(output: string): number {
  const match = /at (\d+)/.exec(output);
  return match ? Number(match[1]) : Date.now();
}

/** Silently drops lab traffic (no RST, no ICMP). Resolves with the epoch ms of the cut. */
export async function cutNetwork(scope: FaultScope = 'sip'): Promise<number> {
  return timeFrom(await runLabScript('fault.sh', ['cut', scope]));
}

/** Drops each packet with the given probability (0..1). Resolves with the epoch ms. */
export async function setPacketLoss(
  probability: number,
  scope: FaultScope = 'all',
): Promise<number> {
  if (!(probability >= 0 && probability <= 1)) throw new Error('probability must be within 0..1');
  return timeFrom(await runLabScript('fault.sh', ['loss', String(probability), scope]));
}

/** Removes every lab fault. Resolves with the epoch ms of the restore. */
export async function restoreNetwork(): Promise<number> {
  return timeFrom(await runLabScript('fault.sh', ['restore']));
}

/**
 * The portal timeout for tests of the routed path (see `RestartOptions.portal`): generous, because
 * such a test fails for the wrong reason when a loaded machine delays the portal past 250 ms.
 */
export const ROUTED_PATH_TIMEOUT_MS = 2000;

export interface RestartOptions {
  /** Seconds Kamailio stays down (default 0). */
  downSeconds?: number;
  /** Switch digest auth on or off with the restart (default: keep). */
  auth?: boolean;
  /**
   * Let a portal decide where calls go (routing API), or `null` for none (default: keep).
   * `routingTimeoutMs`: how long a call waits for the portal before the fallback (default 250,
   * the production bound). Tests that prove *where* the portal routes pass more, so a test
   * machine starved of CPU does not turn them into fallback calls; the fallback has its own tests.
   */
  portal?: { url: string; routingSecret: string; routingTimeoutMs?: number } | null;
}

/**
 * Restarts Kamailio (registrations are lost; rtpengine keeps running). Resolves with `backAt`,
 * the epoch ms when every Kamailio port answered again.
 */
export async function restartKamailio(options: RestartOptions = {}): Promise<{ backAt: number }> {
  const environment: NodeJS.ProcessEnv = {};
  if (options.auth !== undefined) environment.EMPFANG_LAB_AUTH = options.auth ? '1' : '0';
  if (options.portal !== undefined) {
    environment.EMPFANG_LAB_PORTAL_URL = options.portal?.url ?? '';
    environment.EMPFANG_LAB_ROUTING_SECRET = options.portal?.routingSecret ?? '';
    environment.EMPFANG_LAB_ROUTING_TIMEOUT_MS = String(options.portal?.routingTimeoutMs ?? 250);
  }
  const output = await runLabScript(
    'restart-kamailio.sh',
    [String(options.downSeconds ?? 0)],
    environment,
  );
  const match = /kamailio back at (\d+)/.exec(output);
  if (!match) throw new Error(`unexpected output of restart-kamailio.sh: ${output}`);
  return { backAt: Number(match[1]) };
}

/** One RFC 4733 event rtpengine relayed (its dtmf-log-dest JSON). */
export interface DtmfEvent {
  callId: string;
  /** From-tag or To-tag of the side that sent the event. */
  sourceTag: string;
  digit: string;
  durationMilliseconds: number;
}

const DTMF_DIGITS = '0123456789*#ABCD';

/** Maps an RFC 4733 event code (0-15) to its key. */
export function dtmfDigitOf(event: number): string {
  return DTMF_DIGITS[event] ?? '?';
}

export interface DtmfListener {
  events(): DtmfEvent[];
  /** Resolves when the digits seen so far (optionally of one Call-ID) end with `digits`. */
  waitForDigits(digits: string, timeoutMilliseconds?: number, callId?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Listens for the DTMF events rtpengine relays (any call, both directions): the proof that
 * RFC 4733 DTMF from a browser reached the media path towards the far end. One listener at a
 * time (it binds the fixed port).
 */
export async function listenForDtmf(): Promise<DtmfListener> {
  const socket = createSocket('udp4');
  const seen: DtmfEvent[] = [];
  socket.on('message', (message) => {
    try {
      const parsed = JSON.parse(message.toString()) as Record<string, unknown>;
      seen.push({
        callId: String(parsed.callid),
        sourceTag: String(parsed.source_tag),
        digit: dtmfDigitOf(Number(parsed.event)),
        durationMilliseconds: Number(parsed.duration),
      });
    } catch {
      // Not an rtpengine event: ignore.
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(LAB_DTMF_LOG_PORT, LAB_HOST, () => resolve());
  });
  return {
    events: () => [...seen],
    async waitForDigits(digits, timeoutMilliseconds = 10_000, callId) {
      const deadline = Date.now() + timeoutMilliseconds;
      for (;;) {
        const received = seen
          .filter((event) => callId === undefined || event.callId === callId)
          .map((event) => event.digit)
          .join('');
        if (received.endsWith(digits)) return;
        if (Date.now() > deadline) {
          throw new Error(`lab: DTMF "${digits}" not seen by rtpengine; saw "${received}"`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
