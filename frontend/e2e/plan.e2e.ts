// Follow-up, Min plan and the meeting board in the browser, end to end against
// the real server: a case with a dream, contact agreement and expectation is
// made through the API, with an active SMART goal (with GAS levels and a
// sub-goal) and a reached goal. The caseworker runs a follow-up (client-side
// errors first, then values and "keep"), and the case shows the new next
// follow-up date; Min plan shows the plan without CPR number and prints to one
// clean A4 page; on the board a value is recorded for today. Axe runs on
// every screen; screenshots and the PDF go to test-results/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as goals from '../src/features/goals/messages';
import * as cases from '../src/features/cases/messages';
import { formatDate } from '../src/features/cases/components/list/format';
import { checkA11y } from './support/a11y';
import { apiClient, apiGetCase, apiLogin, apiMe, createCaseViaApi, newCaseBody, replacementCPR, type Schemas } from './support/api';
import { expectNoPageErrors, fileBrowser, settle, shot } from './support/browser';
import { RESULTS_DIR } from './support/stack.mjs';
import { fill, users } from './support/env';

const g = goals.da;
const c = cases.da;

const { as } = fileBrowser();

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date n days from today, YYYY-MM-DD. */
function day(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const unique = Math.random().toString(36).slice(2, 7);
const citizenName = `Mads Kragh ${unique}`;
const cpr = replacementCPR('male');
const dreamText = 'Jeg vil gerne have et arbejde med dyr';
const mainTitle = 'Tage bussen alene til dyreinternatet';
const subTitle = 'Finde bussens køreplan i appen';
const reachedTitle = 'Stå op kl. 8 på hverdage';
const agreement = 'Du hører fra os inden for en uge, når du har skrevet til os.';
const nextDate = day(60);
let caseId = '';
let mainId = '';

/** Creates a goal and makes it active (If-Match with the 201's ETag); returns its id and ETag. */
async function activeGoal(token: string, body: Schemas['GoalInput']): Promise<{ id: string; etag: string }> {
  const api = apiClient(token);
  const made = await api.POST('/cases/{case_id}/goals', { params: { path: { case_id: caseId } }, body });
  if (made.response.status !== 201 || !made.data) throw new Error(`POST goal: ${made.response.status} ${JSON.stringify(made.error)}`);
  const etag = made.response.headers.get('ETag') ?? '';
  const active = await api.POST('/goals/{id}/status', {
    params: { path: { id: made.data.id }, header: { 'If-Match': etag } },
    body: { status: 'active', reason: 'Aftalt med borgeren på mødet' },
  });
  if (!active.data) throw new Error(`activate goal: ${active.response.status} ${JSON.stringify(active.error)}`);
  return { id: made.data.id, etag: active.response.headers.get('ETag') ?? '' };
}

function smart(dreamId: string | undefined, title: string, extra: Partial<Schemas['GoalInput']> = {}): Schemas['GoalInput'] {
  return {
    title,
    ...(dreamId ? { dream_id: dreamId } : {}),
    specific: 'Jeg kan komme derhen selv, når jeg vil.',
    measurable_indicator: 'Hvor mange gange om ugen jeg gør det selv',
    measurable_target: 'To gange om ugen',
    achievable_steps: 'Vi øver turen sammen første gang.',
    achievable_resources: 'Jeg er god til at finde vej.',
    relevant: 'Så kan jeg hjælpe med dyrene.',
    target_date: day(180),
    participants: [
      { kind: 'citizen', task: 'Køber et rejsekort' },
      { kind: 'caseworker', task: 'Finder en støtteperson' },
    ],
    ...extra,
  };
}

/** Pages in a PDF made by chromium (one /Type /Page object per page). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** True when nothing is wider than the window (no sideways scrolling). */
function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe('follow-up, Min plan and board', () => {
  beforeAll(async () => {
    const token = await apiLogin(users.caseworkerNord);
    const team = (await apiMe(token)).teams.find((x) => x.name === 'Team Nord')!;
    const made = await createCaseViaApi(
      token,
      newCaseBody(team.id, {
        citizen: { name: citizenName, cpr },
        dreams: [{ text: dreamText, kind: 'dream', expressed_by: 'citizen' }],
        next_follow_up_date: day(14),
        contact_agreement: {
          meeting_formats: ['walk_and_talk', 'home_visit'],
          meeting_places: ['cafe_public_place'],
          times_of_day: ['morning'],
          media: ['sms', 'phone_call'],
          preferred_frequency: 'every_2_weeks',
          agenda_in_advance: true,
        },
        expectations: [{ held_on: day(0), topics: ['information_frequency'], summary: agreement }],
      }),
    );
    caseId = made.id;
    const dreamId = made.case.dreams[0]!.id;
    const main = await activeGoal(
      token,
      smart(dreamId, mainTitle, {
        gas_levels: {
          minus2: 'Tager aldrig bussen',
          minus1: 'Tager bussen med følge',
          zero: 'Tager bussen alene én gang om ugen',
          plus1: 'To gange om ugen',
          plus2: 'Hver dag',
        },
      }),
    );
    mainId = main.id;
    await activeGoal(token, smart(undefined, subTitle, { parent_id: mainId, participants: [] }));
    const reached = await activeGoal(token, smart(dreamId, reachedTitle, { participants: [] }));
    const api = apiClient(token);
    const done = await api.POST('/goals/{id}/status', {
      params: { path: { id: reached.id }, header: { 'If-Match': reached.etag } },
      body: { status: 'achieved', reason: 'Det går godt', next_step: { kind: 'new_goal', note: 'Vi laver et nyt mål om arbejde' } },
    });
    expect(done.response.status).toBe(200);
  });

  it('the caseworker runs a follow-up; the case shows the new next follow-up date', async () => {
    const page = await as(users.caseworkerNord);
    // From the case page's link ("Ny opfølgning").
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    await page.getByRole('link', { name: g.section.followUp, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}/opfoelgning`);
    await page.getByRole('heading', { level: 1, name: g.followup.title, exact: true }).waitFor();
    await settle(page);
    expect(await page.title()).toBe(`${g.followup.title} – Borgeren i centrum`);
    const main = page.getByRole('group', { name: mainTitle, exact: true });
    const sub = page.getByRole('group', { name: subTitle, exact: true });
    await main.waitFor();
    await sub.waitFor();
    expect(await page.getByRole('group', { name: reachedTitle }).count()).toBe(0);
    expect(await page.getByLabel(g.followup.heldOn, { exact: true }).inputValue()).toBe(day(0));
    // The goal's own GAS texts are shown with the levels.
    await main.getByText('Tager bussen alene én gang om ugen').waitFor();
    await checkA11y(page, 'followup');
    await shot(page, 'followup');

    // Ending as reached asks for the next step and says support does not stop by itself.
    await main.getByLabel(g.followup.decision.end, { exact: true }).check();
    await main.getByLabel(g.followup.endStatus.achieved, { exact: true }).check();
    await main.getByText(g.followup.reachedInfo).waitFor();
    await page.getByRole('button', { name: g.followup.submit, exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-module'))).toBe('error-summary');
    await summary.getByRole('link', { name: `${mainTitle}: ${g.followup.errors.reasonRequired}` }).waitFor();
    await summary.getByRole('link', { name: g.followup.errors.nextDateRequired }).waitFor();
    const reason = main.getByLabel(g.followup.reasonEnd, { exact: false });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'followup-errors');
    await shot(page, 'followup-errors');
    await summary.getByRole('link', { name: `${mainTitle}: ${g.followup.errors.reasonRequired}` }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('items[0].reason');

    // Keep both goals, with today's values from the citizen and the caseworker.
    await main.getByLabel(g.followup.decision.keep, { exact: true }).check();
    await main.getByLabel(g.followup.citizenValue, { exact: false }).selectOption('6');
    await main.getByLabel(g.followup.caseworkerValue, { exact: false }).selectOption('7');
    await main.getByLabel('0 Det forventede', { exact: true }).check();
    await sub.getByLabel(g.followup.citizenValue, { exact: false }).selectOption('4');
    await sub.getByLabel(g.followup.caseworkerValue, { exact: false }).selectOption('5');
    await page.getByLabel(g.followup.nextDate, { exact: false }).fill(nextDate);
    await page.getByRole('button', { name: g.followup.submit, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}`);
    await settle(page);
    await page.getByText(formatDate(nextDate, 'da'), { exact: false }).first().waitFor();
    await shot(page, 'followup-saved-case');

    const token = await apiLogin(users.caseworkerNord);
    expect((await apiGetCase(token, caseId)).case?.next_follow_up_date).toBe(nextDate);
    const list = await apiClient(token).GET('/cases/{case_id}/follow-ups', { params: { path: { case_id: caseId } } });
    expect(list.data?.items[0]?.items.find((i) => i.goal_id === mainId)).toMatchObject({ decision: 'keep', citizen_value: 6, caseworker_value: 7, gas_level: 0 });
    expectNoPageErrors(page);
  });

  it('Min plan shows the plan in plain words, without CPR, and prints to one clean A4 page', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    await page.getByRole('link', { name: g.section.plan, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}/min-plan`);
    await page.getByRole('heading', { level: 1, name: g.plan.title, exact: true }).waitFor();
    await settle(page);
    expect(await page.title()).toBe('Min plan – Borgeren i centrum');
    for (const name of [
      g.plan.dreams.heading,
      g.plan.goals.heading,
      g.plan.reached.heading,
      g.plan.next.heading,
      g.plan.contact.heading,
      g.plan.agreements.heading,
    ]) {
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    }
    const goal = page.getByRole('article', { name: mainTitle, exact: true });
    await goal.getByText(fill(g.plan.goals.citizenValue, { value: 6 }), { exact: true }).waitFor();
    await goal.getByText(fill(g.plan.goals.caseworkerValue, { value: 7 }), { exact: true }).waitFor();
    await goal.getByRole('heading', { level: 4, name: subTitle }).waitFor();
    await page.getByRole('article', { name: reachedTitle }).getByText('Vi laver et nyt mål om arbejde').waitFor();
    await page.getByText(c.labels.meetingFormat.walk_and_talk, { exact: true }).waitFor();
    await page.getByText(agreement, { exact: true }).waitFor();
    const longNext = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${nextDate}T12:00:00`),
    );
    await page.getByText(longNext, { exact: true }).waitFor();

    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/\d{6}-?\d{4}/);
    expect(body).not.toContain(cpr.slice(0, 6));
    expect(body).not.toMatch(/SMART|§|Sagsvurdering|Serviceloven/);
    await checkA11y(page, 'min-plan');
    await shot(page, 'min-plan');

    // 200 % zoom: a 640 px wide window, nothing cut off sideways.
    await page.setViewportSize({ width: 640, height: 800 });
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'min-plan-zoom200');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Print preview at the width of an A4 sheet (96 px per inch).
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await page.locator('footer.footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: g.plan.print }).isVisible()).toBe(false);
    expect(await page.locator('.language-switcher').isVisible()).toBe(false);
    await shot(page, 'min-plan-print');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(RESULTS_DIR, 'min-plan.pdf'), pdf);
    const pages = pdfPages(pdf);
    console.log(`min-plan.pdf: ${pages} page(s), ${pdf.length} bytes`);
    expect(pages).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expectNoPageErrors(page);
  });

  it('the board shows the goals and agreements, and records today’s values', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    await page.getByRole('link', { name: g.section.board, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/sager/${caseId}/tavle`);
    await page.getByRole('heading', { level: 1, name: g.board.title, exact: true }).waitFor();
    await settle(page);
    expect(await page.title()).toBe(`${g.board.title} – Borgeren i centrum`);
    const card = page.getByRole('article', { name: mainTitle, exact: true });
    await card.getByText(dreamText, { exact: true }).waitFor();
    await card.getByText(fill(g.board.citizenLatest, { value: 6 }), { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: g.board.agreementsHeading }).waitFor();
    await page.getByText(agreement, { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/\d{6}-?\d{4}/);
    await checkA11y(page, 'board');
    await shot(page, 'board');

    // Keyboard: the citizen's scale is one radio group; arrow keys move the value.
    const citizen = card.getByRole('group', { name: g.board.citizenToday });
    await citizen.getByRole('radio', { name: '7', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await citizen.getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
    await card.getByRole('group', { name: g.board.caseworkerToday }).getByRole('radio', { name: '7', exact: true }).check();
    await card.getByRole('button', { name: g.board.save, exact: true }).click();
    const said = fill(g.board.saved, {
      goal: mainTitle,
      values: `${fill(g.board.savedCitizen, { value: 8 })}, ${fill(g.board.savedCaseworker, { value: 7 })}`,
    });
    await card.getByRole('status').filter({ hasText: said }).waitFor();
    await card.getByText(fill(g.board.citizenLatest, { value: 8 }), { exact: true }).waitFor();
    await checkA11y(page, 'board-saved');
    await shot(page, 'board-saved');

    const token = await apiLogin(users.caseworkerNord);
    const progress = await apiClient(token).GET('/goals/{id}/progress', { params: { path: { id: mainId } } });
    expect(progress.data?.summary.find((s) => s.rater === 'citizen')?.latest).toBe(8);

    // Full screen (the Fullscreen API, or the fallback) and back.
    await page.getByRole('button', { name: g.board.fullscreen, exact: true }).click();
    await page.getByRole('button', { name: g.board.exitFullscreen, exact: true }).waitFor();
    await shot(page, 'board-fullscreen');
    await page.getByRole('button', { name: g.board.exitFullscreen, exact: true }).click();
    await page.getByRole('button', { name: g.board.fullscreen, exact: true }).waitFor();

    await page.setViewportSize({ width: 640, height: 800 });
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'board-zoom200');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await card.getByRole('button', { name: g.board.save }).isVisible()).toBe(false);
    await shot(page, 'board-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expectNoPageErrors(page);
  });
});
