// Lighthouse on the logged-in case list (/sager), against the real server on a
// fresh PostgreSQL database with demo data (the same setup as the browser
// tests, e2e/support/stack.mjs).
//
// A caseworker logs in through the login form in a chromium that Lighthouse
// then drives over --remote-debugging-port, so the page restores its session
// from the HttpOnly refresh cookie exactly as after a reload. Runs desktop
// and mobile (Lighthouse's default simulated throttling), prints the scores
// and writes test-results/lighthouse.json (summary) and
// test-results/lighthouse-<form factor>.report.json (full reports).
//
//   BIC_BIN=$PWD/../bin/bic node scripts/lighthouse.mjs [path]   (or: make lighthouse)
//
// LIGHTHOUSE_MIN_ACCESSIBILITY (0–100, default 100) fails the run below it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR, freePort, requireChromium, startStack } from '../e2e/support/stack.mjs';

const path = process.argv[2] ?? '/sager';
const minA11y = Number(process.env.LIGHTHOUSE_MIN_ACCESSIBILITY ?? 100);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
];

requireChromium();
const started = Date.now();
const stack = await startStack({ logFile: join(RESULTS_DIR, 'lighthouse-server.log') });
const profile = mkdtempSync(join(tmpdir(), 'bic-lh-profile-'));
let context;
let exitCode = 0;
try {
  const port = await freePort();
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--window-size=1350,940'],
    baseURL: stack.baseUrl,
    viewport: null,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const { product } = /** @type {{ product: string }} */ (await cdp.send('Browser.getVersion'));
  await cdp.detach();
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill('ane.holm@bic.example');
  await page.getByLabel('Adgangskode', { exact: true }).fill(stack.password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL('**/sager');
  await page.goto(path);
  await page.locator('main h1').first().waitFor();

  const url = stack.baseUrl + path;
  const runs = {
    desktop: { ...desktopConfig.settings, screenEmulation: { ...desktopConfig.settings.screenEmulation, disabled: true } },
    mobile: { formFactor: 'mobile' },
  };
  const summary = { url: path, date: new Date().toISOString(), lighthouse: '', chromium: product, runs: {} };
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const [name, settings] of Object.entries(runs)) {
    const t0 = Date.now();
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      throttlingMethod: 'simulate',
      ...settings,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${name}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse ${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    writeFileSync(join(RESULTS_DIR, `lighthouse-${name}.report.json`), String(result.report));
    summary.lighthouse = lhr.lighthouseVersion;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const metrics = Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.displayValue ?? '']));
    // What kept a category below 100: audits that score below 0.9.
    const findings = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 0.9)
        .map((r) => `${c}: ${r.id} (${lhr.audits[r.id].score})`),
    );
    const finalUrl = lhr.finalDisplayedUrl;
    summary.runs[name] = { scores, metrics, findings, finalUrl, seconds: Math.round((Date.now() - t0) / 1000) };
    console.log(
      `lighthouse ${name.padEnd(7)} ${path}: performance ${scores.performance}, accessibility ${scores.accessibility}, ` +
        `best practices ${scores['best-practices']} (LCP ${metrics['largest-contentful-paint']}, TBT ${metrics['total-blocking-time']}, ` +
        `CLS ${metrics['cumulative-layout-shift']})`,
    );
    for (const f of findings) console.log(`  below 90: ${f}`);
    if (new URL(finalUrl).pathname !== path) {
      console.error(`  the page ended on ${finalUrl}, not ${path}: the session was not restored`);
      exitCode = 1;
    }
    if (scores.accessibility < minA11y) {
      console.error(`  accessibility ${scores.accessibility} is below ${minA11y} (LIGHTHOUSE_MIN_ACCESSIBILITY)`);
      exitCode = 1;
    }
  }
  writeFileSync(join(RESULTS_DIR, 'lighthouse.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`lighthouse: wrote ${join(RESULTS_DIR, 'lighthouse.json')} in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  await stack.stop();
}
process.exit(exitCode);
