import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests live beside their files. Renderer tests run in jsdom, everything else in node.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'src/{shared,main,portal}/**/*.test.ts',
            'lab/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/renderer/testSetup.ts'],
        },
      },
    ],
    testTimeout: 20_000,
  },
});
