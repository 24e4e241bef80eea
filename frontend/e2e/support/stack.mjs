// The system under test for browser tests and Lighthouse: a fresh PostgreSQL
// database and the real server binary (bin/bic) with demo data, serving the
// built web app (frontend/dist). Plain ESM so that scripts/lighthouse.mjs can
// use it without a TypeScript step; types are in stack.d.mts.
//
// Nothing here skips: a missing binary, PostgreSQL or chromium is an error.
import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { accessSync, constants, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** frontend/ */
export const FRONTEND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** frontend/test-results/ (git-ignored): screenshots, reports, server log. */
export const RESULTS_DIR = join(FRONTEND_DIR, 'test-results');

export const DEFAULT_ADMIN_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable';

/** Debian's chromium; BIC_CHROMIUM overrides. Never downloaded. */
export const CHROMIUM_PATH = process.env.BIC_CHROMIUM || '/usr/bin/chromium';

/** Flags for chromium in a container: no sandbox, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Fails unless chromium is installed and executable. */
export function requireChromium() {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH} (set BIC_CHROMIUM, or: apt-get install chromium). ` +
        'Browser tests need it and do not skip.',
    );
  }
}

/** A free TCP port on 127.0.0.1 (for --remote-debugging-port). */
export async function freePort() {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const addr = srv.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  srv.close();
  await once(srv, 'close');
  return port;
}

async function psql(url, sql) {
  try {
    const { stdout } = await run('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      timeout: 60_000,
    });
    return stdout.trim();
  } catch (err) {
    const e = /** @type {NodeJS.ErrnoException & { stderr?: string }} */ (err);
    if (e.code === 'ENOENT') throw new Error('psql not found on PATH; the browser tests need the PostgreSQL client.');
    throw new Error(`psql failed (${redact(url)}): ${(e.stderr || e.message).trim()}`);
  }
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = 'xxx';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

/**
 * Creates an empty database bic_e2e_<random> next to the one adminUrl names.
 * @param {string} adminUrl
 */
export async function createDatabase(adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_DATABASE_URL) {
  try {
    await psql(adminUrl, 'SELECT 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${redact(adminUrl)} (TEST_DATABASE_URL). Browser tests need it and do not skip.\n` +
        /** @type {Error} */ (err).message,
    );
  }
  const name = `bic_e2e_${randomBytes(6).toString('hex')}`;
  await psql(adminUrl, `CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: () => psql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

const secret = () => randomBytes(32).toString('base64');

/**
 * Starts `bic serve` on a free port with demo data and waits for /readyz.
 * @param {{ bin: string | undefined, databaseUrl: string, staticDir?: string, logFile?: string, env?: Record<string, string> }} o
 */
export async function startServer(o) {
  if (!o.bin) throw new Error('BIC_BIN is not set: point it at the server binary (make build; BIC_BIN=$PWD/bin/bic).');
  try {
    accessSync(o.bin, constants.X_OK);
  } catch {
    throw new Error(`BIC_BIN=${o.bin} is not an executable file; run make build.`);
  }
  const staticDir = o.staticDir ?? join(FRONTEND_DIR, 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/index.html is missing; build the web app first (make frontend).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bic-e2e-'));
  const password = `e2e-${randomBytes(12).toString('base64url')}`;

  // Inherit PATH and friends, but no BIC_* setting from the caller's shell.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BIC_')));
  Object.assign(env, {
    BIC_DATABASE_URL: o.databaseUrl,
    BIC_JWT_SECRET: secret(),
    BIC_ENCRYPTION_KEY: secret(),
    BIC_ADDR: '127.0.0.1:0',
    BIC_DEMO: 'true',
    BIC_DEMO_PASSWORD: password,
    BIC_STATIC_DIR: staticDir,
    BIC_RATE_LIMIT: '0',
    BIC_DATA_DIR: dataDir,
    BIC_LOG_LEVEL: 'warn',
    ...o.env,
  });

  const child = spawn(o.bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {string[]} */
  const tail = [];
  const keep = (chunk) => {
    tail.push(...String(chunk).split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  let log = null;
  if (o.logFile) {
    mkdirSync(dirname(o.logFile), { recursive: true });
    log = createWriteStream(o.logFile);
    // stderr only: the JSON logs. stdout repeats the demo password.
    child.stderr.pipe(log, { end: false });
  }
  child.stderr.on('data', keep);

  const exited = once(child, 'exit');
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });

  let baseUrl;
  try {
    baseUrl = await new Promise((resolveUrl, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the server did not print "running at" within 60 s')), 60_000);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${signal ?? code}) before it was ready`));
      });
      child.stdout.on('data', (chunk) => {
        keep(chunk);
        out += String(chunk);
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]);
        }
      });
    });
    await waitReady(`${baseUrl}/readyz`, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    cleanup();
    const msg = /** @type {Error} */ (err).message;
    // The tail may hold the demo password line; it is a throwaway, but keep it out of logs anyway.
    throw new Error(`${msg}\n--- server output ---\n${tail.join('\n').replaceAll(password, '<demo password>')}`);
  }

  let stopped = false;
  return {
    baseUrl,
    password,
    pid: child.pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }
      log?.end();
      cleanup();
    },
  };
}

async function waitReady(url, ms) {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = /** @type {Error} */ (err).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after ${ms} ms (${last})`);
}

/**
 * Database + server. stop() stops the server and drops the database.
 * @param {{ bin?: string, adminUrl?: string, staticDir?: string, logFile?: string }} [o]
 */
export async function startStack(o = {}) {
  const db = await createDatabase(o.adminUrl);
  let server;
  try {
    server = await startServer({
      bin: o.bin ?? process.env.BIC_BIN,
      databaseUrl: db.url,
      staticDir: o.staticDir,
      logFile: o.logFile,
    });
  } catch (err) {
    await db.drop().catch(() => {});
    throw err;
  }
  return {
    baseUrl: server.baseUrl,
    password: server.password,
    database: db.name,
    async stop() {
      try {
        await server.stop();
      } finally {
        await db.drop();
      }
    },
  };
}
