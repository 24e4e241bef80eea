// SMART goals in the browser, end to end against the real server: a
// caseworker turns the citizen's dream into a SMART goal through the guided
// form (the live check goes from missing to met; the server's refusal to
// activate shows at the field), makes it active, adds a sub-goal, records
// progress from the citizen and the caseworker and sees chart and table,
// and marks the goal reached with what happens next. Axe runs on every
// screen; screenshots go to test-results/.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as goals from '../src/features/goals/messages';
import { checkA11y } from './support/a11y';
import { apiLogin, apiMe, createCaseViaApi, newCaseBody } from './support/api';
import { expectNoPageErrors, fileBrowser, pathOf, settle, shot } from './support/browser';
import { users } from './support/env';

const g = goals.da;

const { as } = fileBrowser();

// Calendar dates as the server counts them (UTC), so "today" is never in its future.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const dream = 'Jeg drømmer om at besøge min søster i Aarhus, når jeg har lyst';
const title = 'Jeg vil tage bussen alene til min søster';
const subTitle = 'Jeg øver turen til busstationen';
let caseId = '';
let goalId = '';

/** Waits for the new screen: its h1 (lazy screens keep the old one up while they load), then settle. */
async function h1(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await settle(page);
}

/** The checklist line of one SMART criterion. */
const criterion = (page: Page, name: string) => page.getByTestId('smart-check').getByRole('listitem').filter({ hasText: `${name}:` });

describe('SMART goals', () => {
  beforeAll(async () => {
    const token = await apiLogin(users.caseworkerNord);
    const team = (await apiMe(token)).teams.find((x) => x.name === 'Team Nord')!;
    caseId = (await createCaseViaApi(token, newCaseBody(team.id, { dreams: [{ text: dream }] }))).id;
  });

  it('turns the dream into a SMART goal with the guided form and makes it active', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    const section = page.getByRole('region', { name: g.section.heading, exact: true });
    await section.getByText(g.section.empty).waitFor();
    await checkA11y(page, 'goals-case-empty');
    await shot(page, 'goals-case-empty');

    await section.getByRole('link', { name: g.section.newGoal, exact: true }).click();
    await h1(page, g.form.newTitle);
    expect(pathOf(page)).toBe(`/sager/${caseId}/maal/ny`);
    expect(await page.title()).toContain(g.form.newTitle);
    // The live check answers for the empty form.
    await page.getByTestId('smart-check').getByText('0 af 5 er opfyldt.').waitFor();
    await expect.poll(() => criterion(page, g.criteria.measurable).innerText()).toContain(g.check.unmet);
    await checkA11y(page, 'goal-new');
    await shot(page, 'goal-new');

    await page.getByLabel(g.form.title, { exact: true }).fill(title);
    await page.getByRole('group', { name: g.form.dream }).getByLabel(dream, { exact: true }).check();
    await page.getByLabel(g.form.specific, { exact: true }).fill('Jeg tager bussen alene fra Vejle til Aarhus og hjem igen');
    await page.getByLabel(g.form.indicator, { exact: true }).fill('Hvor mange ture jeg tager alene om måneden');
    await expect.poll(() => criterion(page, g.criteria.measurable).innerText()).toContain(g.hints.missing_target);
    await page.getByLabel(g.form.target, { exact: true }).fill('To ture om måneden uden følge');
    await expect.poll(() => criterion(page, g.criteria.measurable).innerText()).toContain(g.check.met);
    await page.getByLabel(g.form.steps_, { exact: true }).fill('Vi kører turen sammen én gang. Så kører jeg alene, og min søster henter mig.');
    await page.getByLabel(g.form.resources, { exact: true }).fill('Jeg er god til at finde vej, og min søster vil gerne hjælpe');
    await page.getByLabel(g.form.relevant, { exact: true }).fill('Så kan jeg se min søster, når jeg har lyst');
    await expect.poll(() => criterion(page, g.criteria.time_bound).innerText()).toContain(g.check.unmet);

    // Without a date the server refuses to make the goal active; it is kept as a draft.
    await page.getByRole('button', { name: g.form.activate, exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: g.form.savedNotActive });
    await summary.waitFor();
    await summary.getByRole('link', { name: `${g.form.targetDate}: ${g.hints.missing_date}` }).waitFor();
    const date = page.getByLabel(g.form.targetDate, { exact: true });
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'goal-new-refused');
    await shot(page, 'goal-new-refused');

    await date.fill(day(120));
    await page.getByTestId('smart-check').getByText(g.check.allMet).waitFor();
    expect(await criterion(page, g.criteria.time_bound).innerText()).toContain(g.check.met);
    await checkA11y(page, 'goal-new-smart');
    await shot(page, 'goal-new-smart');

    await page.getByRole('button', { name: g.form.activate, exact: true }).click();
    await page.waitForURL(/\/maal\/[0-9a-f-]{36}$/);
    await h1(page, title);
    goalId = pathOf(page).split('/').pop()!;
    await page.getByText(g.page.saved.active).waitFor();
    await page.getByRole('list', { name: g.page.summaryLabel }).getByText(g.status.active).waitFor();
    await page.getByRole('table', { name: g.history.caption }).getByRole('cell', { name: 'Målet er aftalt med borgeren.' }).waitFor();
    await checkA11y(page, 'goal-detail');
    await shot(page, 'goal-detail');
    expectNoPageErrors(page);
  });

  it('edits the active goal', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}/maal/${goalId}`);
    await settle(page);
    await page.getByRole('link', { name: g.page.edit, exact: true }).click();
    await h1(page, g.form.editTitle);
    expect(pathOf(page)).toBe(`/sager/${caseId}/maal/${goalId}/rediger`);
    await page.getByTestId('smart-check').getByText(g.check.allMet).waitFor();
    // An active goal is saved, not activated again.
    expect(await page.getByRole('button', { name: g.form.activate }).count()).toBe(0);
    await checkA11y(page, 'goal-edit');
    await shot(page, 'goal-edit');
    // At 200 % zoom (640 CSS px) the form and checklist stack; nothing needs sideways scrolling.
    await page.setViewportSize({ width: 640, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shot(page, 'goal-edit-zoom');
    await page.getByLabel(g.form.target, { exact: true }).fill('To ture om måneden helt uden følge');
    await page.getByRole('button', { name: g.form.saveChanges, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}/maal/${goalId}`);
    await h1(page, title);
    await page.getByText(g.page.saved.updated).waitFor();
    await page.getByText('To ture om måneden helt uden følge').waitFor();
    expectNoPageErrors(page);
  });

  it('adds a sub-goal to the main goal', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}/maal/${goalId}`);
    await settle(page);
    await page.getByRole('region', { name: g.section.subGoals, exact: true }).getByRole('link', { name: g.section.newSubGoal }).click();
    await h1(page, g.form.newSubTitle);
    expect(pathOf(page)).toBe(`/sager/${caseId}/maal/ny?hovedmaal=${goalId}`);
    await page.getByText(title).first().waitFor();
    await page.getByLabel(g.form.title, { exact: true }).fill(subTitle);
    await page.getByLabel(g.form.specific, { exact: true }).fill('Jeg går selv hen til busstationen om morgenen');
    await page.getByLabel(g.form.targetDate, { exact: true }).fill(day(30));
    await checkA11y(page, 'goal-sub-new');
    await shot(page, 'goal-sub-new');
    await page.getByRole('button', { name: g.form.saveDraft, exact: true }).click();
    await page.waitForURL(/\/maal\/[0-9a-f-]{36}$/);
    await h1(page, subTitle);
    await page.getByText(g.page.saved.draft).waitFor();
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    await page.getByText(g.progress.notDraft).waitFor();
    await checkA11y(page, 'goal-sub-detail');
    expectNoPageErrors(page);
  });

  it('records progress from the citizen and the caseworker and shows chart and table', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}/maal/${goalId}`);
    await settle(page);
    const progress = page.getByRole('region', { name: g.progress.heading, exact: true });
    await progress.getByText(g.progress.empty).waitFor();

    const record = async (on: string, rater: string, value: number, note: string) => {
      await progress.getByLabel(g.progress.measuredOn, { exact: true }).fill(on);
      await progress.getByRole('group', { name: g.progress.rater }).getByLabel(rater, { exact: true }).check();
      await progress.getByRole('group', { name: g.progress.valueLegend }).getByLabel(String(value), { exact: true }).check();
      await progress.getByLabel(g.progress.noteLabel).fill(note);
      await progress.getByRole('button', { name: g.progress.submit, exact: true }).click();
      await progress.getByText(g.progress.saved).waitFor();
      await progress.getByRole('cell', { name: note, exact: true }).waitFor();
    };
    await record(day(-14), g.rater.citizen, 3, 'Første tur med følge');
    await record(day(-14), g.rater.caseworker, 4, 'God start');
    await record(day(0), g.rater.citizen, 6, 'Kørte alene hjem');

    const table = progress.getByRole('table', { name: g.progress.caption, exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const chart = progress.getByRole('img');
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(label).toContain('Borgeren: fra 3 til 6, 2 målinger.');
    expect(label).toContain('Rådgiveren: fra 4 til 4, 1 målinger.');
    expect(await chart.locator('path[d^="M"]').count()).toBe(2);
    await progress.getByRole('list', { name: g.progress.legend }).getByText(g.rater.caseworker).waitFor();
    await progress.getByText(/^Borgeren: fra 3 til 6 \(\+3\) siden /).waitFor();
    await checkA11y(page, 'goal-progress');
    await shot(page, 'goal-progress');

    // At 200 % zoom (640 CSS px) nothing needs sideways scrolling.
    await page.setViewportSize({ width: 640, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shot(page, 'goal-progress-zoom');
    expectNoPageErrors(page);
  });

  it('shows the goals on the case page with the sub-goal nested and the latest values', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    const section = page.getByRole('region', { name: g.section.heading, exact: true });
    await section.getByRole('link', { name: title, exact: true }).waitFor();
    const subs = section.getByRole('list', { name: `${g.section.subGoals}: ${title}` });
    await subs.getByRole('link', { name: subTitle, exact: true }).waitFor();
    await section.getByText('Borgeren: 6 · Rådgiveren: 4').waitFor();
    await section.getByText(g.section.smartMet).first().waitFor();
    for (const name of [g.section.plan, g.section.board, g.section.followUp]) {
      await section.getByRole('link', { name, exact: true }).waitFor();
    }
    await checkA11y(page, 'goals-case');
    await shot(page, 'goals-case');
    expectNoPageErrors(page);
  });

  it('marks the goal reached and names what happens next', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}/maal/${goalId}`);
    await settle(page);
    const status = page.getByRole('region', { name: g.statusForm.heading, exact: true });
    await status.getByRole('group', { name: g.statusForm.legend }).getByLabel(g.status.achieved, { exact: true }).check();
    await status.getByText(g.statusForm.nextInfo).waitFor();
    await status.getByLabel(g.statusForm.reason, { exact: true }).fill('Borgeren tager bussen alene to gange om måneden');
    await status.getByRole('group', { name: g.statusForm.nextLegend }).getByLabel(g.nextStep.new_goal, { exact: true }).check();
    await status.getByLabel(g.statusForm.nextNote, { exact: true }).fill('Vi laver et mål om at tage toget til Odense');
    await checkA11y(page, 'goal-achieve');
    await status.getByRole('button', { name: g.statusForm.submit, exact: true }).click();
    await status.getByText(`Målet er nu: ${g.status.achieved}.`).waitFor();
    await status.getByRole('table', { name: g.history.caption }).getByText('Vi laver et mål om at tage toget til Odense').waitFor();
    // A reached goal is not edited; it can be resumed.
    expect(await page.getByRole('link', { name: g.page.edit, exact: true }).count()).toBe(0);
    await checkA11y(page, 'goal-achieved');
    await shot(page, 'goal-achieved');
    expectNoPageErrors(page);
  });
});
