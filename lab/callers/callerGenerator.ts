/**
 * The demo's caller generator: every `paceSeconds` it places one German call (espeak-ng speech
 * over SIPp's `caller-bot` scenario through `lab/call.sh`, so the caller follows the bot's REFER
 * to the desk) to a demo client's line, tells the bot's ear what the caller says, and cleans up
 * the call's SIPp folder when it ends. Each SIPp run leads its own process group so `stop()`
 * ends it with everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEspeakSynthesizer, type SpeechSynthesizer } from '../voicebot/speechSynthesizer';
import {
  CALLER_CONCERNS,
  heardByAgent,
  heardUtterances,
  spokenText,
  type CallerConcern,
} from './callerConcerns';
import type { CallerEar } from './callerEar';

/** One second of µ-law digital silence at 8 kHz. */
const SILENCE_SECOND = new Uint8Array(8000).fill(0xff);
/** SIPp loops the audio: the concern once, then quiet for this long. */
const QUIET_SECONDS_AFTER_SPEECH = 45;
/** How long a caller stays on the line at most (a human call waits for the takeover). */
const HUMAN_CALL_SECONDS = 180;
const BOT_CALL_SECONDS = 90;

export interface PlacedCall {
  readonly index: number;
  readonly concern: CallerConcern;
}

export interface CallerGeneratorOptions {
  repositoryRoot: string;
  /** Working folder for the calls' audio and SIPp folders (removed after each call). */
  workDirectory: string;
  ear: CallerEar;
  /**
   * The desk's transcription: the callers who want a human say their concern to the agent. Offers
   * go out oldest first, so the n-th takeover hears the n-th such caller's words.
   */
  deskEar?: CallerEar;
  paceSeconds: number;
  environment?: NodeJS.ProcessEnv;
  concerns?: readonly CallerConcern[];
  synthesizer?: SpeechSynthesizer;
  onCall?: (call: PlacedCall) => void;
  onEnded?: (call: PlacedCall, exitCode: number | null) => void;
}

export interface CallerGenerator {
  /** Places the first call now, then one every `paceSeconds`. */
  start(): void;
  /** Places one call now (also used by `start`). */
  placeCall(): Promise<PlacedCall>;
  /** Calls still running. */
  readonly active: () => number;
  /** Stops the pace and hangs up every running call (TERM, then KILL after 3 s). */
  stop(): Promise<void>;
}

export function createCallerGenerator(options: CallerGeneratorOptions): CallerGenerator {
  const concerns = options.concerns ?? CALLER_CONCERNS;
  const synthesizer = options.synthesizer ?? createEspeakSynthesizer({ wordsPerMinute: 160 });
  const running = new Set<ChildProcess>();
  let timer: NodeJS.Timeout | undefined;
  let placed = 0;
  let stopped = false;

  async function placeCall(): Promise<PlacedCall> {
    const index = placed;
    placed += 1;
    const concern = concerns[index % concerns.length]!;
    const folder = join(options.workDirectory, `call-${index + 1}`);
    await mkdir(folder, { recursive: true });
    const speech = await synthesizer.synthesize(spokenText(concern));
    const audio = join(folder, 'caller.ulaw');
    const quiet = Array.from({ length: QUIET_SECONDS_AFTER_SPEECH }, () => SILENCE_SECOND);
    await writeFile(audio, Buffer.concat([speech, ...quiet]));
    // stop() came while the speech was made: no call may start after it.
    if (stopped) throw new Error('the caller generator was stopped');
    options.ear.expect(heardUtterances(concern));
    if (concern.wantsHuman) options.deskEar?.expect(heardByAgent(concern));
    const seconds = concern.wantsHuman ? HUMAN_CALL_SECONDS : BOT_CALL_SECONDS;
    const child = spawn(
      'bash',
      [join(options.repositoryRoot, 'lab', 'call.sh'), concern.line, 'caller-bot'],
      {
        cwd: options.repositoryRoot,
        env: {
          ...process.env,
          ...options.environment,
          LAB_AUDIO: audio,
          LAB_CALL_SECONDS: String(seconds),
          LAB_TIMEOUT: String(seconds + 30),
          LAB_CALLER_NAME: concern.callerName,
          LAB_CALLER_NUMBER: concern.callerNumber,
          LAB_SIPP_WORK_DIR: join(folder, 'sipp'),
        },
        // Its own process group: stop() reaches bash and SIPp together.
        detached: true,
        stdio: 'ignore',
      },
    );
    running.add(child);
    const call = { index, concern };
    child.once('exit', (code) => {
      running.delete(child);
      // The SIPp folder logs every SIP message (names, numbers): not kept after the call.
      void rm(folder, { recursive: true, force: true });
      options.onEnded?.(call, code);
    });
    options.onCall?.(call);
    return call;
  }

  const next = (): void => {
    if (stopped) return;
    void placeCall().catch(() => undefined);
    timer = setTimeout(next, options.paceSeconds * 1000);
  };

  return {
    start: next,
    placeCall,
    active: () => running.size,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all([...running].map((child) => stopGroup(child)));
    },
  };
}

/** TERM to the child's process group, KILL after 3 s; resolves when the child has exited. */
export function stopGroup(child: ChildProcess, graceMilliseconds = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // The group is gone already.
      }
    };
    const timer = setTimeout(() => signal('SIGKILL'), graceMilliseconds);
    child.once('exit', () => {
      clearTimeout(timer);
      // Whatever the leader left in its group (SIPp after bash) goes too.
      signal('SIGKILL');
      resolve();
    });
    signal('SIGTERM');
  });
}
