/**
 * German speech for the lab voicebot: espeak-ng writes a WAV to its stdout, sox turns it into
 * raw µ-law 8 kHz mono on its stdout; nothing touches the disk. Results are cached in memory
 * (bounded) because the bot says the same phrases in every call.
 */
import { spawn } from 'node:child_process';

const MAXIMUM_CACHED_PHRASES = 200;
const MAXIMUM_TEXT_LENGTH = 2000;

export interface SpeechSynthesizer {
  /** µ-law 8 kHz mono audio of `text`. */
  synthesize(text: string): Promise<Uint8Array>;
}

function run(command: string, args: readonly string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${command} exited ${code}`)),
    );
    child.stdin.end(input);
  });
}

export function createEspeakSynthesizer(
  options: { voice?: string; wordsPerMinute?: number } = {},
): SpeechSynthesizer {
  const cache = new Map<string, Promise<Uint8Array>>();
  return {
    synthesize(text) {
      const spoken = text.slice(0, MAXIMUM_TEXT_LENGTH);
      const cached = cache.get(spoken);
      if (cached) return cached;
      const audio = (async () => {
        const wav = await run('espeak-ng', [
          '-v',
          options.voice ?? 'de',
          '-s',
          String(options.wordsPerMinute ?? 180),
          '--stdout',
          spoken,
        ]);
        const raw = await run(
          'sox',
          ['-q', '-t', 'wav', '-', '-t', 'ul', '-r', '8000', '-c', '1', '-'],
          wav,
        );
        return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      })();
      if (cache.size >= MAXIMUM_CACHED_PHRASES) cache.delete(cache.keys().next().value!);
      cache.set(spoken, audio);
      audio.catch(() => cache.delete(spoken));
      return audio;
    },
  };
}
