import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's chromium against the real Go
// server on a fresh PostgreSQL database (see e2e/global-setup.ts). One file at
// a time; they share the server. Each file launches its own browser.
export default defineConfig({
  resolve: {
    // Tests read the app's message files for exact UI texts.
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
