import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CALLER_CONCERNS, heardByAgent, heardUtterances } from './callerConcerns';
import type { CallerEar } from './callerEar';
import { createCallerGenerator, type CallerGenerator } from './callerGenerator';

/** A stand-in for lab/call.sh: notes its arguments and environment, starts a grandchild, waits. */
const FAKE_CALL_SCRIPT = `#!/usr/bin/env bash
folder=$(dirname "$LAB_SIPP_WORK_DIR")
printf '%s\\n' "$1 $2" "$LAB_AUDIO" "$LAB_CALL_SECONDS" > "$folder/../call-$$.txt"
sleep 300 &
echo $! > "$folder/../grandchild-$$.pid"
wait
`;

let root: string;
let generator: CallerGenerator | undefined;
afterEach(async () => {
  await generator?.stop();
  generator = undefined;
  await rm(root, { recursive: true, force: true });
});

function recordingEar(): CallerEar & { scripts: unknown[] } {
  const scripts: unknown[] = [];
  return {
    baseUrl: 'ws://127.0.0.1:1',
    scripts,
    expect: (utterances) => void scripts.push(utterances),
    served: () => 0,
    close: async () => undefined,
  };
}

async function setUp() {
  root = await mkdtemp(join(tmpdir(), 'empfang-callers-'));
  await mkdir(join(root, 'lab'));
  await writeFile(join(root, 'lab', 'call.sh'), FAKE_CALL_SCRIPT);
  await chmod(join(root, 'lab', 'call.sh'), 0o755);
  const ear = recordingEar();
  const deskEar = recordingEar();
  const speech = new Uint8Array(800).fill(0x10);
  let release: () => void = () => undefined;
  let hold = false;
  const synthesizer = {
    synthesize: async () => {
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return speech;
    },
  };
  const ended: number[] = [];
  generator = createCallerGenerator({
    repositoryRoot: root,
    workDirectory: join(root, 'calls'),
    ear,
    deskEar,
    paceSeconds: 600,
    synthesizer,
    onEnded: (call) => ended.push(call.index),
  });
  return {
    ear,
    deskEar,
    ended,
    holdSpeech: () => (hold = true),
    releaseSpeech: () => release(),
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the caller generator', () => {
  it('calls the concerns in turn with their speech, and tells the ears what each caller says', async () => {
    const { ear, deskEar } = await setUp();
    const first = await generator!.placeCall();
    const second = await generator!.placeCall();
    expect([first.concern, second.concern]).toEqual(CALLER_CONCERNS.slice(0, 2));
    expect(ear.scripts).toEqual([heardUtterances(first.concern), heardUtterances(second.concern)]);
    // Only the caller who wants a human has words for the agent.
    expect(first.concern.wantsHuman).toBe(true);
    expect(second.concern.wantsHuman).toBe(false);
    expect(deskEar.scripts).toEqual([heardByAgent(first.concern)]);

    const callFile = join(root, 'calls', 'call-1', 'caller.ulaw');
    await until(() => generator!.active() === 2 && existsSync(callFile));
    // The caller's speech, then 45 s of µ-law silence (SIPp loops it).
    const audio = await readFile(callFile);
    expect(audio.length).toBe(800 + 45 * 8000);
    expect(audio[799]).toBe(0x10);
    expect(audio[800]).toBe(0xff);
  });

  it('stop() ends every call with everything it started, and removes its folder', async () => {
    const { ended } = await setUp();
    await generator!.placeCall();
    const calls = join(root, 'calls');
    let grandchild = 0;
    await until(() => {
      const file = readdirSync(calls).find((name) => name.startsWith('grandchild-'));
      if (!file) return false;
      grandchild = Number(readFileSync(join(calls, file), 'utf8'));
      return grandchild > 0;
    });
    expect(alive(grandchild)).toBe(true);
    await generator!.stop();
    expect(generator!.active()).toBe(0);
    await until(() => ended.length === 1);
    await until(() => !existsSync(join(calls, 'call-1')));
    await until(() => !alive(grandchild));
  });

  it('a stop while the speech is made places no call', async () => {
    const { holdSpeech, releaseSpeech, ear } = await setUp();
    holdSpeech();
    const placing = generator!.placeCall().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await generator!.stop();
    releaseSpeech();
    expect(await placing).toBeInstanceOf(Error);
    expect(generator!.active()).toBe(0);
    expect(ear.scripts).toEqual([]);
  });
});
