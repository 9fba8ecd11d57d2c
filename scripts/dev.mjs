#!/usr/bin/env node
// `npm run dev` — hot reload for the Electron shell or the web shell; see scripts/devCommand.ts
// and docs/electron.md. This file only loads the TypeScript launcher through tsx.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { runDev } = await tsImport('./devCommand.ts', import.meta.url);
await runDev(process.argv.slice(2), root);
