/**
 * `npm start` offers the demo when the lab is installed and the desk has no SIP server: it asks
 * at an interactive terminal and prints a one-line hint otherwise (CI and pipes never wait).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { say } from '../launchSupport';
import {
  answeredYes,
  decideDemoOffer,
  DEMO_HINT,
  DEMO_QUESTION,
  deskSettingsFiles,
  missingLabTools,
  sipIsConfigured,
} from './demoPlan';
import { commandExists } from './labScripts';

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** True when the person chose the demo. */
export async function offerDemo(): Promise<boolean> {
  const offer = decideDemoOffer({
    labInstalled: missingLabTools(commandExists).length === 0,
    sipConfigured: deskSettingsFiles(process.env, homedir()).some((file) =>
      sipIsConfigured(readIfPresent(file)),
    ),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  if (offer === 'none') return false;
  if (offer === 'hint') {
    say(DEMO_HINT);
    return false;
  }
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return answeredYes(await terminal.question(DEMO_QUESTION));
  } finally {
    terminal.close();
  }
}
