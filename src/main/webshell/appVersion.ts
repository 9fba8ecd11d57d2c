import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The version from package.json in the working directory (the web shell runs from the repo). */
export async function readAppVersion(): Promise<string> {
  try {
    const parsed = JSON.parse(await readFile(resolve('package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
