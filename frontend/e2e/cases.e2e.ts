// Case work in the browser, end to end against the real server on
// PostgreSQL: create a case (server field errors shown at the field), find it
// by name and by CPR, edit it, provoke and resolve a 412 conflict from a
// second browser context, advance its phase, log out; another team cannot
// open it by URL. Axe runs on every screen; screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as cases from '../src/features/cases/messages';
import { checkA11y } from './support/a11y';
import { apiGetCase, apiLogin, apiMe, createCaseViaApi, newCaseBody, replacementCPR } from './support/api';
import { expectNoPageErrors, fileBrowser, open, pathOf, settle, shot } from './support/browser';
import { text, users } from './support/env';

const t = text.da;
const c = cases.da;

const { as, anonymous } = fileBrowser();

const unique = Math.random().toString(36).slice(2, 7);
const citizenName = `Sofie Mikkelsen ${unique}`;
const cpr = replacementCPR('female');
let caseId = '';

describe('case work', () => {
  it('a caseworker creates a case; the server’s field errors appear at the field and in the summary', async () => {
    const page = await as(users.caseworkerNord);
    expect(pathOf(page)).toBe('/sager');
    await page.getByRole('link', { name: 'Opret sag', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/sager/ny');
    await page.getByRole('heading', { level: 1, name: 'Opret ny sag', exact: true }).waitFor();
    await settle(page);
    await checkA11y(page, 'case-new');
    await shot(page, 'case-new');

    await page.getByLabel('Borgerens navn', { exact: true }).fill(citizenName);
    // 31 February: looks like a CPR number, but the server refuses it.
    await page.getByLabel('CPR-nummer', { exact: true }).fill('310290-1234');
    await page.getByLabel('Lovgrundlag', { exact: true }).selectOption('sel_85');
    await page.getByLabel('Målgruppe', { exact: true }).selectOption('intellectual_impairment');
    await page.getByRole('button', { name: 'Opret sag', exact: true }).click();

    const summary = page.getByRole('alert').filter({ hasText: t.common.errorSummaryTitle });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-module'))).toBe('error-summary');
    const cprField = page.getByLabel('CPR-nummer', { exact: true });
    expect(await cprField.getAttribute('aria-invalid')).toBe('true');
    const described = (await cprField.getAttribute('aria-describedby')) ?? '';
    const fieldMessage = await page.locator(`[id="${described.split(' ').find((id) => id.endsWith('-error'))}"]`).innerText();
    expect(fieldMessage).toMatch(/CPR/);
    await checkA11y(page, 'case-new-errors');
    await shot(page, 'case-new-errors');
    // The summary link moves focus to the field.
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('citizen.cpr');

    await cprField.fill(cpr);
    await page.getByRole('button', { name: 'Tilføj drøm', exact: true }).click();
    await page.getByLabel('Med borgerens egne ord', { exact: true }).fill('Jeg vil gerne bage boller med min nevø');
    await page.getByRole('button', { name: 'Opret sag', exact: true }).click();
    await page.waitForURL(/\/sager\/[0-9a-f-]{36}$/);
    // The router keeps the old page on screen until the new one has loaded.
    await page.getByRole('heading', { level: 1, name: citizenName, exact: true }).waitFor();
    await settle(page);
    caseId = pathOf(page).split('/').pop()!;
    await page.getByText('Jeg vil gerne bage boller med min nevø').waitFor();
    await checkA11y(page, 'case-detail');
    await shot(page, 'case-detail');
    expectNoPageErrors(page);
  });

  it('the case is found by part of the name and by exact CPR, and the CPR never enters the URL', async () => {
    const page = await as(users.caseworkerNord);
    await page.getByLabel('Borgerens navn', { exact: true }).fill(unique);
    await page.getByRole('button', { name: 'Vis sager', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === unique);
    await page.getByRole('link', { name: citizenName }).waitFor();
    // The previous page stays on screen while the search loads. (Only the case table: the
    // attention panel above it has a table of its own.)
    await expect.poll(() => page.getByRole('table', { name: 'Sager', exact: true }).locator('tbody tr').count()).toBe(1);
    await checkA11y(page, 'cases-list-search');
    await shot(page, 'cases-list-search');

    await page.goto('/sager');
    await settle(page);
    await page.getByLabel('Find sag via CPR-nummer', { exact: true }).fill(cpr);
    await page.getByRole('button', { name: 'Find sag', exact: true }).click();
    await page.getByRole('table', { name: 'Sager fundet via CPR-nummer' }).waitFor();
    await page.getByRole('link', { name: citizenName }).waitFor();
    expect(page.url()).not.toContain(cpr.replace('-', '').slice(6));
    const masked = `${cpr.slice(0, 6)}-xxxx`;
    await page.getByRole('cell', { name: masked }).waitFor();
    await checkA11y(page, 'cases-list-cpr');

    await page.getByRole('link', { name: citizenName }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}`);
    await page.getByRole('heading', { level: 1, name: citizenName, exact: true }).waitFor();
    expectNoPageErrors(page);
  });

  it('a caseworker edits the case', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    await page.getByRole('link', { name: 'Ret sagen', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}/rediger`);
    await page.getByRole('heading', { level: 1, name: /^Ret sagen om/ }).waitFor();
    await settle(page);
    await checkA11y(page, 'case-edit');
    await shot(page, 'case-edit');
    await page.getByLabel('Bemærkning til lovgrundlaget', { exact: false }).fill('Bevilget efter samtale i hjemmet');
    await page.getByRole('button', { name: 'Gem ændringer', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}`);
    await page.getByText('Bevilget efter samtale i hjemmet').waitFor();
    await settle(page);
    expectNoPageErrors(page);
  });

  it('a 412 conflict from a second browser context is shown, and resolved without losing the typed text', async () => {
    const mine = await as(users.caseworkerNord);
    await mine.goto(`/sager/${caseId}/rediger`);
    await settle(mine);

    // A colleague in the same team saves a change in their own browser.
    const theirs = await as(users.caseworkerNordMidt);
    await theirs.goto(`/sager/${caseId}/rediger`);
    await settle(theirs);
    await theirs.getByLabel('Målgruppe', { exact: true }).selectOption('autism');
    await theirs.getByRole('button', { name: 'Gem ændringer', exact: true }).click();
    await theirs.waitForURL((u) => u.pathname === `/sager/${caseId}`);

    const typed = 'Borgeren ønsker møder om formiddagen';
    const note = mine.getByLabel('Bemærkning til lovgrundlaget', { exact: false });
    await note.fill(typed);
    await mine.getByRole('button', { name: 'Gem ændringer', exact: true }).click();
    const conflict = mine.getByRole('alert').filter({ hasText: 'Sagen er blevet ændret, mens du arbejdede' });
    await conflict.waitFor();
    expect(await note.inputValue()).toBe(typed);
    await checkA11y(mine, 'case-edit-conflict');
    await shot(mine, 'case-edit-conflict');

    await mine.getByRole('button', { name: 'Brug den nyeste version og behold mine ændringer', exact: true }).click();
    expect(await note.inputValue()).toBe(typed);
    await mine.getByRole('button', { name: 'Gem ændringer', exact: true }).click();
    await mine.waitForURL((u) => u.pathname === `/sager/${caseId}`);
    await mine.getByRole('heading', { level: 1, name: /Sofie Mikkelsen/ }).waitFor();

    // Both changes are in the case.
    const token = await apiLogin(users.caseworkerNord);
    const saved = await apiGetCase(token, caseId);
    expect(saved.case?.legal_basis_note).toBe(typed);
    expect(saved.case?.target_group).toBe('autism');
    expectNoPageErrors(mine);
    expectNoPageErrors(theirs);
  });

  it('the caseworker advances the phase and sees it in the phase history', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    const group = page.getByRole('group', { name: 'Hvilken fase skal sagen rykkes til?' });
    const target = c.labels.phase.sagsoplysning;
    await group.getByLabel(target, { exact: true }).check();
    await page.getByRole('region', { name: 'Fase', exact: true }).getByLabel(/^Note/).fill('Vi har holdt det første møde');
    await page.getByRole('button', { name: 'Ryk sagen videre', exact: true }).click();
    await page.getByText(`Sagen er rykket til ${target}.`).waitFor();
    const history = page.getByRole('table', { name: 'Fasehistorik, nyeste først' });
    await history.getByText('Vi har holdt det første møde').waitFor();
    const current = page.locator('[aria-current="step"]');
    expect(await current.innerText()).toContain(target);
    await checkA11y(page, 'case-detail-phase');
    await shot(page, 'case-detail-phase');

    const token = await apiLogin(users.caseworkerNord);
    expect((await apiGetCase(token, caseId)).case?.phase).toBe('sagsoplysning');
    expectNoPageErrors(page);
  });

  it('the caseworker logs out', async () => {
    const page = await as(users.caseworkerNord);
    await page.getByRole('button', { name: t.common.nav.logout, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByText(t.common.errors.loggedOut).waitFor();
    await page.goto(`/sager/${caseId}`);
    await page.waitForURL((u) => u.pathname === '/login');
  });

  it('a caseworker of another team cannot open the case by its URL', async () => {
    const page = await as(users.caseworkerSyd);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    await page.getByText(t.common.errors.notFound).waitFor();
    expect(await page.getByText(citizenName).count()).toBe(0);
    await checkA11y(page, 'case-other-team');
    await shot(page, 'case-other-team');
  });

  it('an administrator works on the accessible user and team screens', async () => {
    const page = await as(users.admin);
    await page.goto('/admin/teams');
    await settle(page);
    await page.getByRole('table', { name: 'Teams' }).waitFor();
    await checkA11y(page, 'admin-teams');
    await shot(page, 'admin-teams');
    await page.goto('/admin/brugere');
    await settle(page);
    await page.getByRole('button', { name: 'Opret bruger', exact: true }).click();
    await page.getByRole('heading', { name: 'Opret bruger' }).waitFor();
    await checkA11y(page, 'admin-user-new');
    await shot(page, 'admin-user-new');
    expectNoPageErrors(page);
  });

  it('the API reference renders at /api/docs', async () => {
    const page = await anonymous();
    await page.goto('/api/docs');
    await page.getByRole('heading', { level: 1, name: /Borgeren i centrum API/ }).waitFor({ timeout: 20_000 });
    await shot(page, 'api-docs');
  });

  it('a case made through the API is hidden from other teams there too', async () => {
    const token = await apiLogin(users.caseworkerNord);
    const team = (await apiMe(token)).teams.find((x) => x.name === 'Team Nord')!;
    const made = await createCaseViaApi(token, newCaseBody(team.id));
    expect((await apiGetCase(await apiLogin(users.caseworkerMidt), made.id)).status).toBe(404);
  });
});
