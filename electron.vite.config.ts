import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for both shells: out/main (Electron main, and the web shell host as
// out/main/webshell.js), out/preload, out/renderer. The web shell host serves the same
// out/renderer, so what the tests load is what Electron shows. The host is bundled because
// compiling it with tsx at every start took about a second of the cold start.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          webshell: resolve('src/main/webshell/startWebShell.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/preload.ts') },
        // Sandboxed preloads cannot use ES modules: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves minification off; minified, the page parses 1.0 MB instead of
      // 2.2 MB at every start. One local bundle: splitting it would not load anything later.
      minify: true,
      chunkSizeWarningLimit: 1_500,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
