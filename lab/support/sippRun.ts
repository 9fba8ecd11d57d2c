/**
 * Runs the lab's SIPp scenarios (lab/call.sh, lab/answer.sh) from Node and reads their event
 * lines. Assumes the process runs inside `lab/run-isolated.sh`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LAB_REPOSITORY_ROOT, labRunDirectory } from './labConstants';

/** Caller scenarios in lab/sipp (UAC over UDP via Kamailio). */
export type CallerScenario =
  | 'caller'
  | 'caller-wait'
  | 'caller-dtmf'
  | 'caller-transferable'
  | 'caller-refer'
  | 'caller-stray-bye'
  | 'caller-holds'
  | 'caller-vanish'
  | 'caller-bye-before-ack'
  | 'caller-bot'
  | 'hostile-long-name'
  | 'hostile-script-name'
  | 'hostile-bidi-name'
  | 'hostile-content-length'
  | 'hostile-no-audio'
  | 'hostile-big-headers'
  | 'hostile-no-connection'
  | 'hostile-garbage-sdp';

/** Answering scenarios in lab/sipp (UAS, registered by lab/answer.sh). */
export type AnswerScenario = 'uas' | 'uas-echo' | 'uas-transfer';

/** What a SIPp peer plays: generated lab audio or a path to raw µ-law 8 kHz. */
export type LabAudioChoice = 'speech' | 'tone' | 'silence' | (string & {});

export interface CallOptions {
  /** A user (`1001`) or an E.164 client line (`+4930123456`, rings the reception user). */
  target: string;
  scenario?: CallerScenario;
  callerNumber?: string;
  callerName?: string;
  /** caller / caller-dtmf / hostile: seconds until SIPp hangs up after the answer (default 5). */
  callSeconds?: number;
  /** caller-dtmf: digits 0-9 * # (default 1234#). */
  dtmf?: string;
  audio?: LabAudioChoice;
  /** Overall SIPp timeout in seconds (default 120). */
  timeoutSeconds?: number;
}

export interface AnswerOptions {
  /** The user to register, e.g. a staff member `2001`. */
  user: string;
  scenario?: AnswerScenario;
  /** Ringing time before the 200 OK (default 300 ms). */
  ringMilliseconds?: number;
  audio?: LabAudioChoice;
  timeoutSeconds?: number;
  /** Needed only when the lab runs with auth and the user is not a lab user. */
  password?: string;
  /** uas-transfer: the user or number the caller is REFERred to (default 2001). */
  transferTo?: string;
}

/** Outcome of one SIPp run. exitCode is SIPp's (0 success, 1 call failed, 99 no call). */
export interface SippResult {
  exitCode: number;
  events: string[];
  /** The final response status the caller saw; 'none' when nothing answered. */
  finalStatus: number | 'none' | undefined;
  workDirectory: string;
}

/** A running SIPp peer. */
export interface SippRun {
  workDirectory: string;
  /** Resolves when the script has ended (never rejects). */
  exited: Promise<SippResult>;
  /** Event lines logged so far (answered, final-status 200, dtmf-info Signal=5, ...). */
  events(): string[];
  /** Resolves with the first event line matching, rejects after timeoutMilliseconds. */
  waitForEvent(pattern: RegExp | string, timeoutMilliseconds?: number): Promise<string>;
  /** Ends the peer (TERM to its process group) and resolves with its result. */
  stop(): Promise<SippResult>;
}

/** Final status from event lines (`final-status 486` → 486, `final-status none` → 'none'). */
export function finalStatusOf(events: readonly string[]): SippResult['finalStatus'] {
  const line = events.find((event) => event.startsWith('final-status '));
  if (!line) return undefined;
  const value = line.slice('final-status '.length).trim();
  return value === 'none' ? 'none' : Number(value);
}

/** DTMF digits a SIPp peer received by SIP INFO (`dtmf-info Signal=5` lines), in order. */
export function infoDigitsOf(events: readonly string[]): string {
  return events
    .map((event) => /^dtmf-info Signal= *([0-9A-Da-d*#])/.exec(event)?.[1] ?? '')
    .join('');
}

/** P-Called-Party-ID a SIPp UAS received (`called-party P-Called-Party-ID: <sip:...>`). */
export function calledPartyOf(events: readonly string[]): string | undefined {
  const line = events.find((event) => event.startsWith('called-party P-Called-Party-ID:'));
  return line?.slice('called-party P-Called-Party-ID:'.length).trim();
}

function readEvents(workDirectory: string): string[] {
  try {
    return readFileSync(path.join(workDirectory, 'events.log'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  } catch {
    return [];
  }
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function startScript(script: string, argumentsList: string[], environment: NodeJS.ProcessEnv) {
  const workDirectory = mkdtempSync(path.join(labRunDirectory(), 'sipp-'));
  // Own process group (detached), so stop() reaches SIPp and not only the wrapping bash.
  const child = spawn('bash', [path.join(LAB_REPOSITORY_ROOT, 'lab', script), ...argumentsList], {
    env: { ...process.env, ...environment, LAB_SIPP_WORK_DIR: workDirectory },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<SippResult>((resolve) => {
    child.on('close', (code, signal) => {
      const events = readEvents(workDirectory);
      const exitCode = code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0);
      resolve({ exitCode, events, finalStatus: finalStatusOf(events), workDirectory });
    });
  });
  let ended = false;
  void exited.then(() => (ended = true));

  const run: SippRun = {
    workDirectory,
    exited,
    events: () => readEvents(workDirectory),
    async waitForEvent(pattern, timeoutMilliseconds = 15_000) {
      const matches = (line: string) =>
        typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line);
      const deadline = Date.now() + timeoutMilliseconds;
      for (;;) {
        // answer.sh prints "registered ..." on stdout; SIPp writes the rest to events.log.
        const lines = [...output.split('\n'), ...readEvents(workDirectory)];
        const found = lines.find(matches);
        if (found) return found;
        if (ended || Date.now() > deadline) {
          throw new Error(
            `lab: no event ${String(pattern)} from ${script} (${ended ? 'it ended' : 'timeout'}); output:\n${output}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (!ended && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      return exited;
    },
  };
  return run;
}

function audioEnvironment(audio: LabAudioChoice | undefined): NodeJS.ProcessEnv {
  return audio === undefined ? {} : { LAB_AUDIO: audio };
}

/** Starts a SIPp outside caller (lab/call.sh) and returns at once. */
export function startCall(options: CallOptions): SippRun {
  const environment: NodeJS.ProcessEnv = { ...audioEnvironment(options.audio) };
  if (options.callerNumber !== undefined) environment.LAB_CALLER_NUMBER = options.callerNumber;
  if (options.callerName !== undefined) environment.LAB_CALLER_NAME = options.callerName;
  if (options.callSeconds !== undefined) environment.LAB_CALL_SECONDS = String(options.callSeconds);
  if (options.dtmf !== undefined) environment.LAB_DTMF = options.dtmf;
  if (options.timeoutSeconds !== undefined) {
    environment.LAB_TIMEOUT = String(options.timeoutSeconds);
  }
  return startScript('call.sh', [options.target, options.scenario ?? 'caller'], environment);
}

/** Runs a SIPp outside caller to its end. */
export function runCall(options: CallOptions): Promise<SippResult> {
  return startCall(options).exited;
}

/**
 * Registers `user` with a SIPp UAS (lab/answer.sh) and resolves once the registrar accepted it;
 * the UAS then answers one call. Rejects (and ends the peer) when the registration fails.
 */
export async function startAnswering(options: AnswerOptions): Promise<SippRun> {
  const environment: NodeJS.ProcessEnv = { ...audioEnvironment(options.audio) };
  if (options.ringMilliseconds !== undefined) {
    environment.LAB_RING_MS = String(options.ringMilliseconds);
  }
  if (options.timeoutSeconds !== undefined) {
    environment.LAB_TIMEOUT = String(options.timeoutSeconds);
  }
  if (options.password !== undefined) environment.LAB_PASSWORD = options.password;
  if (options.transferTo !== undefined) environment.LAB_TRANSFER_TO = options.transferTo;
  const run = startScript('answer.sh', [options.user, options.scenario ?? 'uas'], environment);
  try {
    await run.waitForEvent(new RegExp(`^registered ${options.user} `), 10_000);
  } catch (error) {
    await run.stop();
    throw error;
  }
  return run;
}
