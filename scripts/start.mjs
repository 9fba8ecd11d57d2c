#!/usr/bin/env node
// `npm start` — see scripts/startCommand.ts and docs/electron.md. This file only loads the
// TypeScript launcher through tsx, so the decisions stay typed and unit-tested.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { runStart } = await tsImport('./startCommand.ts', import.meta.url);
await runStart(process.argv.slice(2), root);
