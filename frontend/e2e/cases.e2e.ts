// Case work in the browser. The full scenario (list → new case → detail →
// edit → phase → close) is added once the case screens are in place; the
// setup below and the helpers in support/ are what it builds on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y } from './support/a11y';
import { apiGetCase, apiLogin, apiMe, createCaseViaApi, maskedCPR, newCaseBody } from './support/api';
import { expectNoPageErrors, launchBrowser, login, open, pathOf, settle, shot } from './support/browser';
import { users } from './support/env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('cases', () => {
  it('a case created through the API opens for its team and is hidden from other teams', async () => {
    const token = await apiLogin(users.caseworkerNord);
    const team = (await apiMe(token)).teams.find((t) => t.name === 'Team Nord');
    expect(team).toBeDefined();
    const body = newCaseBody(team!.id);
    const created = await createCaseViaApi(token, body);
    expect(created.etag).toMatch(/^"\d+"$/);
    expect(created.case.citizen.cpr).toBe(maskedCPR(body.citizen.cpr));
    expect(created.case.citizen.name).toBe(body.citizen.name);

    const read = await apiGetCase(token, created.id);
    expect(read.status).toBe(200);
    expect(read.etag).toBe(created.etag);
    expect((await apiGetCase(await apiLogin(users.caseworkerMidt), created.id)).status).toBe(404);

    const { context, page } = await open(browser);
    await login(page, users.caseworkerNord);
    await page.goto(`/sager/${created.id}`);
    await settle(page);
    expect(pathOf(page)).toBe(`/sager/${created.id}`);
    await checkA11y(page, 'case-detail');
    await shot(page, 'case-detail');
    expectNoPageErrors(page);
    await context.close();
  });
});
