// Login, session and page frame in a real browser against the real server:
// landing pages per role, skip link, language, reload, logout (also in other
// tabs), session expiry, keyboard-only login, and another team's case.
// axe runs on every screen reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y } from './support/a11y';
import { apiGetCase, apiListCases, apiLogin, apiLogout, apiMe } from './support/api';
import { expectNoPageErrors, focused, heading, isPlaceholder, launchBrowser, login, open, pathOf, settle, shot, tab } from './support/browser';
import { demoPassword, fill, text, users } from './support/env';

const da = text.da;
const en = text.en;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const refreshCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'bic_refresh');
const isRefresh = (url: string) => new URL(url).pathname === '/api/v1/auth/refresh';

describe('session', () => {
  it('a caseworker logs in on an accessible login page and lands on the case list', async () => {
    const { context, page } = await open(browser);
    await page.goto('/');
    await page.waitForURL('**/login?next=%2F');
    expect(await heading(page)).toBe(da.auth.login.title);
    expect(await page.title()).toBe(`${da.auth.login.title} – ${da.common.appName}`);
    expect(await htmlLang(page)).toBe('da');
    await checkA11y(page, 'login');
    await shot(page, 'login');

    // Empty form: the error summary and field errors, checked by axe too.
    await page.getByRole('button', { name: da.auth.login.submit, exact: true }).click();
    await expect.poll(() => page.getByText(da.common.errorSummaryTitle).first().isVisible()).toBe(true);
    await checkA11y(page, 'login-errors');

    // Wrong credentials (an unknown account, so no real account gets throttled).
    await page.getByLabel(da.auth.login.email, { exact: true }).fill('ingen.bruger@bic.example');
    await page.getByLabel(da.auth.login.password, { exact: true }).fill('forkert-adgangskode');
    await page.getByRole('button', { name: da.auth.login.submit, exact: true }).click();
    await expect.poll(() => page.getByText(da.auth.login.wrong).first().isVisible()).toBe(true);
    await checkA11y(page, 'login-wrong-password');
    await shot(page, 'login-wrong-password');

    await login(page, users.caseworkerNord);
    expect(new URL(page.url()).pathname).toBe('/sager');
    // The new page's heading takes focus, so a screen reader starts there.
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    await expect
      .poll(() => page.getByText(fill(da.common.nav.loggedInAs, { name: users.caseworkerNord.name })).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('navigation', { name: da.common.nav.label }).getByRole('link', { name: da.common.nav.cases }).isVisible()).toBe(true);
    // Only the cookie holds the refresh token; nothing in web storage.
    const cookie = await refreshCookie(page);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.path).toBe('/api/v1/auth');
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toMatch(/eyJ|token/i);
    await checkA11y(page, 'cases-list');
    await shot(page, 'cases-list');
    expectNoPageErrors(page);
    await context.close();
  });

  it('a reload keeps the session; the skip link is the first Tab stop and moves focus to main', async () => {
    const { context, page } = await open(browser);
    await login(page, users.caseworkerNordMidt);
    const seen: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) seen.push(new URL(f.url()).pathname);
    });
    const restored = page.waitForResponse((r) => isRefresh(r.url()));
    await page.reload();
    expect((await restored).status()).toBe(200);
    await settle(page);
    expect(pathOf(page)).toBe('/sager');
    expect(seen).not.toContain('/login');
    await expect.poll(() => page.getByRole('button', { name: da.common.nav.logout }).isVisible()).toBe(true);

    const first = await tab(page);
    expect(first).toMatchObject({ tag: 'a', name: da.common.skipLink, href: '#main-content', visible: true });
    await shot(page, 'skip-link-focused');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('main-content');
    expectNoPageErrors(page);
    await context.close();
  });

  it('switching to English changes the texts and <html lang>, and is kept across login and reload', async () => {
    const { context, page } = await open(browser);
    await page.goto('/login');
    await settle(page);
    const languages = page.getByRole('list', { name: da.common.language });
    await languages.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => htmlLang(page)).toBe('en');
    expect(await heading(page)).toBe(en.auth.login.title);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-current')).toBe('true');
    await checkA11y(page, 'login-en');

    await login(page, users.caseworkerSyd, { lang: 'en' });
    expect(new URL(page.url()).pathname).toBe('/sager');
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => page.getByRole('navigation', { name: en.common.nav.label }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: en.common.nav.logout }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: en.common.skipLink }).count()).toBe(1);
    await checkA11y(page, 'cases-list-en');
    await shot(page, 'cases-list-en');

    await page.reload();
    await settle(page);
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('list', { name: en.common.language }).getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => htmlLang(page)).toBe('da');
    await expect.poll(() => page.getByRole('button', { name: da.common.nav.logout }).isVisible()).toBe(true);
    expectNoPageErrors(page);
    await context.close();
  });

  it('logout returns to login with a message, ends the session in other tabs, and a reload stays logged out', async () => {
    const { context, page } = await open(browser);
    await login(page, users.caseworkerSyd2);
    const other = await context.newPage();
    await other.goto('/sager');
    await settle(other);
    await expect.poll(() => other.getByRole('button', { name: da.common.nav.logout }).isVisible()).toBe(true);

    const loggedOut = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/logout');
    await page.getByRole('button', { name: da.common.nav.logout }).click();
    expect((await loggedOut).status()).toBe(204);
    for (const p of [page, other]) {
      await p.waitForURL('**/login?next=**');
      expect(await heading(p)).toBe(da.auth.login.title);
      await expect.poll(() => p.getByRole('status').filter({ hasText: da.common.errors.loggedOut }).isVisible()).toBe(true);
    }
    expect(await refreshCookie(page)).toBeUndefined();
    await checkA11y(page, 'login-logged-out');
    await shot(page, 'login-logged-out');

    await page.reload();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto('/sager');
    await page.waitForURL('**/login?next=%2Fsager');
    expect(await heading(page)).toBe(da.auth.login.title);
    expect(await page.getByRole('button', { name: da.common.nav.logout }).count()).toBe(0);
    expectNoPageErrors(page);
    expectNoPageErrors(other);
    await context.close();
  });

  it('an expired access token is renewed silently; a revoked session ends with a message and login returns to the page', async () => {
    const { context, page } = await open(browser);
    // The browser's clock is faked so that the access token (15 min) can
    // expire without waiting; the server's clock is real.
    await page.clock.install();
    await login(page, users.caseworkerMidt);
    const logo = page.getByRole('link', { name: da.common.appName });

    // 1. Token expired, refresh cookie still good: renewed without a word.
    await page.clock.fastForward('16:00');
    let refreshed = page.waitForResponse((r) => isRefresh(r.url()));
    await logo.click(); // the front page asks /me again, which needs a fresh token
    expect((await refreshed).status()).toBe(200);
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/sager');

    // 2. The session is revoked elsewhere (logout with this browser's refresh
    //    token from another client); the next renewal fails.
    const cookie = await refreshCookie(page);
    expect(cookie).toBeDefined();
    expect(await apiLogout(cookie!.value)).toBe(204);
    await page.clock.fastForward('16:00');
    refreshed = page.waitForResponse((r) => isRefresh(r.url()));
    await logo.click();
    expect((await refreshed).status()).toBe(401);
    await page.waitForURL('**/login?next=**');
    // The logo leads to '/', which sends a caseworker on to '/sager'; the
    // session may end on either side of that redirect.
    const next = new URL(page.url()).searchParams.get('next');
    expect(['/', '/sager']).toContain(next);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: da.common.errors.sessionEnded }).isVisible()).toBe(true);
    await checkA11y(page, 'login-session-expired');
    await shot(page, 'login-session-expired');

    await login(page, users.caseworkerMidt);
    await page.waitForURL((u) => u.pathname === '/sager');
    expectNoPageErrors(page);
    await context.close();
  });

  it('login works with the keyboard alone', async () => {
    const { context, page } = await open(browser);
    await page.goto('/login');
    await settle(page);
    const stops = [await tab(page)];
    expect(stops[0]).toMatchObject({ tag: 'a', name: da.common.skipLink, visible: true });
    while (stops.at(-1)!.id !== 'field-email' && stops.length < 6) stops.push(await tab(page));
    expect(stops.map((s) => s.name)).toEqual([da.common.skipLink, 'Dansk', 'English', da.auth.login.email]);
    await page.keyboard.type(users.caseworkerNord.email);
    expect(await tab(page)).toMatchObject({ id: 'field-password', name: da.auth.login.password });
    await page.keyboard.type(demoPassword());
    expect(await tab(page)).toMatchObject({ tag: 'button', name: da.auth.login.submit, visible: true });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // submits from the password field
    await page.waitForURL('**/sager');
    await settle(page);
    expectNoPageErrors(page);
    await context.close();
  });

  it("a caseworker of another team who opens a Team Nord case sees 'not found', after login via the deep link", async () => {
    // A Team Nord case, found through the API as a Team Nord caseworker.
    const nord = await apiLogin(users.caseworkerNord);
    const nordTeam = (await apiMe(nord)).teams.find((t) => t.name === 'Team Nord');
    expect(nordTeam).toBeDefined();
    const [nordCase] = (await apiListCases(nord, { limit: 1 })).items;
    expect(nordCase?.team_id).toBe(nordTeam!.id);
    const id = nordCase!.id;

    const syd = await apiLogin(users.caseworkerSyd);
    expect((await apiGetCase(syd, id)).status).toBe(404);

    const { context, page } = await open(browser);
    await page.goto(`/sager/${id}`);
    await page.waitForURL(`**/login?next=${encodeURIComponent(`/sager/${id}`)}`);
    await login(page, users.caseworkerSyd);
    expect(pathOf(page)).toBe(`/sager/${id}`);
    await settle(page);
    const body = await page.locator('main').innerText();
    expect(body).not.toContain(nordCase!.citizen.name);
    if (await isPlaceholder(page, 'case-detail')) {
      console.warn('case-detail is still a placeholder: the "not found / no access" text is not checked yet');
    } else {
      expect([da.common.errors.notFound, da.common.notFoundTitle, da.common.notFoundBody].some((s) => body.includes(s))).toBe(true);
    }
    await checkA11y(page, 'case-not-found');
    await shot(page, 'case-not-found');
    expectNoPageErrors(page);
    await context.close();
  });

  it('an administrator lands on user administration', async () => {
    const { context, page } = await open(browser);
    await login(page, users.admin);
    expect(new URL(page.url()).pathname).toBe('/admin/brugere');
    const nav = page.getByRole('navigation', { name: da.common.nav.label });
    await expect.poll(() => nav.getByRole('link', { name: da.common.nav.users }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: da.common.nav.cases }).count()).toBe(0);
    if (!(await isPlaceholder(page, 'admin-users'))) expect(await heading(page)).toBe(da.admin.users.title);
    await checkA11y(page, 'admin-users');
    await shot(page, 'admin-users');
    expectNoPageErrors(page);
    await context.close();
  });
});
