// Browser helpers: one chromium per test file, a fresh context (own cookies,
// own storage) per user, login through the real form, screenshots, and small
// focus/settle utilities. Elements are found by role and label.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR } from './stack.mjs';
import { baseUrl, demoPassword, text, type DemoUser, type Lang } from './env';

/** Debian's chromium, headless. One per test file (beforeAll/afterAll). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * The browser of one test file: launched before its tests and closed, with
 * every context it opened, after them. `as(user)` is a fresh context (a
 * separate user: own cookies and storage) logged in through the real form;
 * `anonymous()` one that is not logged in.
 */
export function fileBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => {});
    await browser?.close();
  });
  async function anonymous(): Promise<Page> {
    if (!browser) throw new Error('fileBrowser: the browser is not launched yet (open pages inside a test)');
    const { context, page } = await open(browser);
    contexts.push(context);
    return page;
  }
  return {
    /** A page nobody has logged in on. */
    anonymous,
    async as(user: DemoUser | string): Promise<Page> {
      const page = await anonymous();
      await login(page, user);
      return page;
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();

/** A new context (a separate user: own cookies and storage) and its first page. */
export async function open(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 800 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  context.on('page', trackErrors);
  const page = await context.newPage();
  return { context, page };
}

function trackErrors(page: Page) {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.stack ?? err.message));
}

/** Fails when the page threw an uncaught exception. */
export function expectNoPageErrors(page: Page) {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`);
}

/**
 * Waits until the screen has rendered: the page's h1 is visible and no
 * loading spinner is left.
 */
export async function settle(page: Page) {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.spinner-box'));
}

/** The page's h1 text (after settle). */
export async function heading(page: Page): Promise<string> {
  await settle(page);
  return (await page.locator('main h1').first().innerText()).trim();
}

/**
 * Screens other engineers are still building render <h1>{route name}</h1>.
 * Assertions that need the real screen check this first.
 */
export async function isPlaceholder(page: Page, route: string): Promise<boolean> {
  return (await heading(page)) === route;
}

/**
 * Logs in through the real form. Goes to /login first unless the page is
 * already there (e.g. after a redirect with ?next=).
 */
export async function login(page: Page, user: DemoUser | string, opts: { password?: string; lang?: Lang } = {}) {
  const email = typeof user === 'string' ? user : user.email;
  const t = text[opts.lang ?? 'da'].auth.login;
  if (new URL(page.url(), baseUrl()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(opts.password ?? demoPassword());
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  await settle(page);
}

/** The path (with query) of the page. */
export function pathOf(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** Full-page screenshot to frontend/test-results/<name>.png. */
export async function shot(page: Page, name: string) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

export type Focused = { tag: string; id: string; name: string; href: string | null; visible: boolean };

/** Describes document.activeElement. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', id: '', name: '', href: null, visible: false };
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: (el.getAttribute('aria-label') ?? label ?? el.innerText ?? '').trim(),
      href: el.getAttribute('href'),
      visible: r.width > 1 && r.height > 1,
    };
  });
}

/** Presses Tab and describes the new focus. */
export async function tab(page: Page): Promise<Focused> {
  await page.keyboard.press('Tab');
  return focused(page);
}
