import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's chromium against the real Go
// server on a fresh PostgreSQL database (see e2e/global-setup.ts). One file at
// a time; they share the server.
export default defineConfig({
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
