// Lint enforces the layer table of docs/architecture (ARCHITECTURE.md): the folder says where
// code runs, and these rules make an import across a forbidden boundary a lint error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'stream',
  'events',
  'worker_threads',
  'zlib',
  'tls',
  'dgram',
  'util',
  'buffer',
  'process',
  'readline',
  'assert',
];
const nodeBuiltinPatterns = ['node:*', ...NODE_BUILTINS];

/** Builds a no-restricted-imports rule from forbidden module patterns and a reason. */
function forbid(groups) {
  return ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.e2e-host-*/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.lab-run/**',
      '.demo-run/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      // noUncheckedIndexedAccess makes lookups that are safe by construction need `!`.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [nodeBuiltinPatterns, 'src/shared runs everywhere: no Node built-ins.'],
        [['electron', 'electron/*'], 'src/shared must not import electron.'],
        [['react', 'react-dom', 'react/*'], 'src/shared holds no UI code.'],
        [
          ['**/main/**', '**/renderer/**', '**/preload/**', '**/portal/**'],
          'src/shared imports only src/shared.',
        ],
      ]),
    },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['electron', 'electron/*', 'electron-updater'],
          'Services never import electron; use src/main/electron.',
        ],
        [
          ['**/renderer/**', '**/preload/**', '**/main/electron/**', '**/main/webshell/**'],
          'Services depend only on shared and Node.',
        ],
      ]),
    },
  },
  {
    files: ['src/main/webshell/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['electron', 'electron/*', 'electron-updater'],
          'The web shell host runs in plain Node: no electron.',
        ],
        [
          ['**/renderer/**', '**/preload/**', '**/main/electron/**'],
          'The web shell host uses shared and services only.',
        ],
      ]),
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['**/renderer/**', '**/preload/**', '**/main/webshell/**'],
          'Electron main code uses shared and services only.',
        ],
      ]),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['**/main/**', '**/renderer/**', '**/portal/**'],
          'The preload knows only electron and shared types.',
        ],
      ]),
    },
  },
  {
    files: ['src/portal/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [['electron', 'electron/*'], 'The portal is a plain Node server.'],
        [['**/main/**', '**/renderer/**', '**/preload/**'], 'The portal uses shared only.'],
      ]),
    },
  },
  {
    // The lab voicebot is a stand-in for an outside voicebot platform: it may reuse the desk's
    // shared logic and Node services (retrieval, Deepgram session), never UI or Electron code.
    files: ['lab/voicebot/**/*.ts'],
    // Its lab tests start a real portal to talk to (src/portal/testing).
    ignores: ['lab/voicebot/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [['electron', 'electron/*', 'electron-updater'], 'The lab voicebot runs in plain Node.'],
        [
          [
            '**/renderer/**',
            '**/preload/**',
            '**/main/electron/**',
            '**/main/webshell/**',
            '**/portal/**',
          ],
          'The lab voicebot uses shared and services only; it talks to the portal over HTTP.',
        ],
      ]),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid([
        [nodeBuiltinPatterns, 'The renderer runs in a browser: no Node built-ins.'],
        [['electron', 'electron/*'], 'The renderer reaches the host only through platform/.'],
        [
          ['**/main/**', '**/preload/**', '**/portal/**'],
          'The renderer imports shared and browser libraries only.',
        ],
      ]),
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message:
            'Caller-controlled text is rendered as text, never as HTML (SECURITY.md rule 11).',
        },
      ],
    },
  },
);
