// Starts the system under test once for all browser test files: a fresh
// PostgreSQL database bic_e2e_<random> (TEST_DATABASE_URL names the server)
// and the real server binary BIC_BIN with demo data, serving frontend/dist.
// Tests get the address and the demo password through inject(). Teardown
// stops the server and drops the database. A missing binary, PostgreSQL or
// chromium fails the run; nothing is skipped.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { RESULTS_DIR, requireChromium, startStack } from './support/stack.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server under test. */
    baseUrl: string;
    /** Password of every demo user (BIC_DEMO_PASSWORD). */
    demoPassword: string;
  }
}

export default async function setup(project: TestProject) {
  requireChromium();
  const started = Date.now();
  const stack = await startStack({ logFile: join(RESULTS_DIR, 'server.log') });
  console.log(`e2e: server ${stack.baseUrl} on database ${stack.database} ready in ${Date.now() - started} ms`);
  project.provide('baseUrl', stack.baseUrl);
  project.provide('demoPassword', stack.password);
  return async () => {
    await stack.stop();
  };
}
