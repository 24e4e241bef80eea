// The citizen's feedback link on a phone, end to end against the real
// server: a caseworker creates a meeting and a link through the API; the
// citizen opens /feedback/<token> on a 375×667 touch screen, answers the ORS
// by tapping the lines, the SRS with the keyboard alone, and the three
// questions, and is thanked. The caseworker then reads the stored scores
// (totals as expected) through the API. The used link and an unknown one say
// "the link no longer works"; ?lang=en and the language switch change the
// page (and the server's wording) without losing a mark; a drag moves a mark;
// topics land on the meeting's agenda. Axe runs on every citizen screen;
// screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as feedbackLink from '../src/features/feedback-link/messages';
import * as vas from '../src/components/vas-scale.messages';
import { checkA11y } from './support/a11y';
import { apiClient, apiListCases, apiLogin, apiMe } from './support/api';
import { focused, launchBrowser, settle, shot } from './support/browser';
import { baseUrl, fill, text, users } from './support/env';

const da = feedbackLink.da;
const en = feedbackLink.en;

let browser: Browser | undefined;
const errors = new Map<Page, string[]>();
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The citizen's own phone: a fresh context (no staff session), 375×667, touch. */
async function phone(): Promise<Page> {
  if (!browser) throw new Error('the browser is not launched yet');
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const list: string[] = [];
  errors.set(page, list);
  page.on('pageerror', (err) => list.push(err.stack ?? err.message));
  return page;
}

function expectNoPageErrors(page: Page) {
  expect(errors.get(page) ?? []).toEqual([]);
}

/** No sideways scrolling on the phone. */
async function expectNoHorizontalScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, 'page is wider than the screen').toBeLessThanOrEqual(width);
}

/** Taps the line of one item at a value (tenths), as a finger would. */
async function tapAt(page: Page, key: string, tenths: number) {
  const line = page.getByTestId(`field-items-${key}-line`);
  await line.scrollIntoViewIfNeeded();
  const box = (await line.boundingBox())!;
  await line.tap({ position: { x: (box.width * tenths) / 100, y: box.height / 2 } });
}

/** The value shown under an item's label ("Dit svar: 6,4" or "Ikke udfyldt"). */
const shown = (page: Page, key: string) => page.getByTestId(`field-items-${key}-value`).innerText();

let caseworkerToken = '';
let caseId = '';
let firstName = '';
let lastNames = '';

/** A meeting of the case: held two hours ago, or planned for tomorrow. */
async function createMeeting(status: 'held' | 'planned'): Promise<{ id: string; startsAt: Date }> {
  const startsAt = new Date(Date.now() + (status === 'held' ? -2 : 24) * 3600_000);
  const { data, error, response } = await apiClient(caseworkerToken).POST('/cases/{case_id}/meetings', {
    params: { path: { case_id: caseId } },
    body: { form: 'office', starts_at: startsAt.toISOString(), status, duration_minutes: 60, participants: [{ kind: 'citizen' }] },
  });
  if (!data || response.status !== 201) throw new Error(`POST meeting: ${response.status} ${JSON.stringify(error)}`);
  return { id: data.id, startsAt };
}

async function createLink(meetingId: string, parts: ('ors' | 'srs' | 'questions' | 'topics')[]) {
  const { data, error, response } = await apiClient(caseworkerToken).POST('/meetings/{id}/feedback-links', {
    params: { path: { id: meetingId } },
    body: { parts, expires_in_hours: 2 },
  });
  if (!data || response.status !== 201) throw new Error(`POST feedback link: ${response.status} ${JSON.stringify(error)}`);
  expect(data.url.endsWith(`/feedback/${data.token}`)).toBe(true);
  return data;
}

const copenhagenDate = (d: Date, lang: 'da' | 'en') =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

describe('feedback link on the citizen’s phone', () => {
  let meetingId = '';
  let startsAt = new Date();
  let linkPath = '';

  beforeAll(async () => {
    caseworkerToken = await apiLogin(users.caseworkerNord);
    const team = (await apiMe(caseworkerToken)).teams.find((x) => x.name === 'Team Nord')!;
    // A demo case of Team Nord (not one another test file made).
    const cases = (await apiListCases(caseworkerToken, { team_id: team.id, status: 'open', sort: 'name', limit: 50 })).items;
    const demo = cases.find((c) => !c.citizen.name.startsWith('E2E'))!;
    expect(demo, 'an open demo case of Team Nord').toBeTruthy();
    caseId = demo.id;
    firstName = demo.citizen.name.split(/\s+/)[0] ?? '';
    lastNames = demo.citizen.name.slice(firstName.length).trim();
    ({ id: meetingId, startsAt } = await createMeeting('held'));
    const link = await createLink(meetingId, ['ors', 'srs', 'questions']);
    linkPath = `/feedback/${link.token}`;
  });

  it('answers the ORS by touch, the SRS with the keyboard alone, and the questions', async () => {
    const page = await phone();
    await page.goto(linkPath);
    await settle(page);

    // Only the first name and the meeting date; nothing else of the case.
    await page.getByRole('heading', { level: 1, name: fill(da.greeting, { name: firstName }), exact: true }).waitFor();
    await page.getByText(fill(da.meeting, { date: copenhagenDate(startsAt, 'da') }), { exact: true }).waitFor();
    const body = await page.locator('body').innerText();
    if (lastNames) expect(body).not.toContain(lastNames);
    expect(body).not.toContain(caseId);
    expect(body).not.toContain(text.da.common.nav.cases);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.title()).toContain(da.documentTitle);
    const steps = page.getByRole('list', { name: da.overview.heading }).getByRole('listitem');
    expect(await steps.allInnerTexts()).toEqual([
      `${da.parts.ors} ${da.overview.now}`,
      `${da.parts.srs} ${da.overview.todo}`,
      `${da.parts.questions} ${da.overview.todo}`,
    ]);
    await page.getByRole('heading', { level: 2, name: new RegExp(da.parts.ors) }).waitFor();
    expect(await page.getByRole('slider').count()).toBe(4);
    expect(await shown(page, 'individually')).toBe(vas.da.unset);
    await expectNoHorizontalScroll(page);
    await checkA11y(page, 'feedback-link-ors');
    await shot(page, 'feedback-link-ors');

    // Sending without marks: the error summary names the lines.
    await page.getByRole('button', { name: da.submit, exact: true }).tap();
    const summary = page.getByRole('alert').filter({ hasText: da.errors.summaryTitle });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-module'))).toBe('error-summary');
    await checkA11y(page, 'feedback-link-ors-errors');
    await shot(page, 'feedback-link-ors-errors');

    // ORS by touch: a tap anywhere on a line puts the mark there.
    await tapAt(page, 'individually', 64);
    await tapAt(page, 'interpersonally', 51);
    await tapAt(page, 'socially', 40);
    await tapAt(page, 'overall', 55);
    expect(await shown(page, 'individually')).toBe(fill(vas.da.visibleValue, { value: '6,4' }));
    expect(await shown(page, 'interpersonally')).toBe(fill(vas.da.visibleValue, { value: '5,1' }));
    expect(await shown(page, 'socially')).toBe(fill(vas.da.visibleValue, { value: '4,0' }));
    expect(await shown(page, 'overall')).toBe(fill(vas.da.visibleValue, { value: '5,5' }));
    expect(await page.getByRole('slider', { name: 'Mig selv' }).getAttribute('aria-valuetext')).toBe(fill(vas.da.valueText, { value: '6,4' }));
    // The same screen on the narrowest phones.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    await shot(page, 'feedback-link-ors-filled-320');
    await page.setViewportSize({ width: 375, height: 667 });
    await page.getByRole('button', { name: da.submit, exact: true }).tap();

    // Thank you; the SRS follows and its heading has focus.
    await page.getByRole('status').filter({ hasText: da.thanks.part }).waitFor();
    const srsHeading = page.getByRole('heading', { level: 2, name: new RegExp(da.parts.srs) });
    await srsHeading.waitFor();
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('fl-part-heading');
    expect(await steps.first().innerText()).toBe(`${da.parts.ors} ${da.overview.done}`);
    await checkA11y(page, 'feedback-link-srs');
    await shot(page, 'feedback-link-srs');

    // SRS with the keyboard alone: Tab to each line, keys to the mark, Tab to send, Enter.
    const keys: [string, string[]][] = [
      ['relationship', [...Array(9).fill('PageUp'), 'ArrowRight', 'ArrowRight']], // 9,2
      ['goals_and_topics', [...Array(9).fill('PageUp'), 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']], // 8,7
      ['approach_or_method', ['End', 'PageDown']], // 9,0
      ['overall', [...Array(9).fill('PageUp'), 'ArrowUp']], // 9,1
    ];
    for (const [key, presses] of keys) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.id).toBe(`field-items-${key}`);
      // The focus is visible: the line gets the focus outline.
      const outline = await page
        .getByTestId(`field-items-${key}-line`)
        .evaluate((line) => getComputedStyle(line.parentElement!).outlineStyle);
      expect(outline).toBe('solid');
      for (const k of presses) await page.keyboard.press(k);
    }
    expect(await shown(page, 'relationship')).toBe(fill(vas.da.visibleValue, { value: '9,2' }));
    expect(await shown(page, 'goals_and_topics')).toBe(fill(vas.da.visibleValue, { value: '8,7' }));
    expect(await shown(page, 'approach_or_method')).toBe(fill(vas.da.visibleValue, { value: '9,0' }));
    expect(await shown(page, 'overall')).toBe(fill(vas.da.visibleValue, { value: '9,1' }));
    await checkA11y(page, 'feedback-link-srs-filled');
    const submit = await (async () => {
      await page.keyboard.press('Tab');
      return focused(page);
    })();
    expect(submit.tag).toBe('button');
    expect(submit.name).toBe(da.submit);
    await page.keyboard.press('Enter');

    // The three questions.
    await page.getByRole('heading', { level: 2, name: new RegExp(da.parts.questions) }).waitFor();
    await checkA11y(page, 'feedback-link-questions');
    await shot(page, 'feedback-link-questions');
    await page.getByRole('group').nth(0).getByText(da.questions.options.yes, { exact: true }).tap();
    await page.getByRole('group').nth(1).getByText(da.questions.options.partly, { exact: true }).tap();
    await page.getByRole('textbox').fill('Kortere møder, tak');
    await page.getByRole('button', { name: da.submit, exact: true }).tap();

    await page.getByRole('status').filter({ hasText: da.thanks.allTitle }).waitFor();
    expect(await steps.allInnerTexts()).toEqual([
      `${da.parts.ors} ${da.overview.done}`,
      `${da.parts.srs} ${da.overview.done}`,
      `${da.parts.questions} ${da.overview.done}`,
    ]);
    expect(await page.getByRole('slider').count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await checkA11y(page, 'feedback-link-thanks');
    await shot(page, 'feedback-link-thanks');
    expectNoPageErrors(page);
  });

  it('stores the answers for the caseworker, with the expected totals', async () => {
    const { data, error, response } = await apiClient(caseworkerToken).GET('/meetings/{id}/feedback', { params: { path: { id: meetingId } } });
    if (!data) throw new Error(`GET feedback: ${response.status} ${JSON.stringify(error)}`);
    const ors = data.ors.find((s) => s.rater === 'citizen')!;
    const srs = data.srs.find((s) => s.rater === 'citizen')!;
    expect(ors.entered_by).toBe('citizen_device');
    expect(ors.total).toBeCloseTo(21.0, 5);
    expect(Object.fromEntries(ors.items.map((i) => [i.key, i.value]))).toEqual({ individually: 6.4, interpersonally: 5.1, socially: 4, overall: 5.5 });
    expect(srs.entered_by).toBe('citizen_device');
    expect(srs.total).toBeCloseTo(36.0, 5);
    expect(Object.fromEntries(srs.items.map((i) => [i.key, i.value]))).toEqual({
      relationship: 9.2,
      goals_and_topics: 8.7,
      approach_or_method: 9,
      overall: 9.1,
    });
    expect(data.answers).toMatchObject({ meeting_ok: 'yes', talked_about: 'partly', different_next_time: 'Kortere møder, tak', entered_by: 'citizen_device' });
  });

  it('says the used link and an unknown link no longer work', async () => {
    const page = await phone();
    await page.goto(linkPath);
    await page.getByRole('heading', { level: 1, name: da.gone.title, exact: true }).waitFor();
    await page.getByText(da.gone.body, { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(firstName);
    await expectNoHorizontalScroll(page);
    await checkA11y(page, 'feedback-link-gone');
    await shot(page, 'feedback-link-gone');

    await page.goto('/feedback/this-is-not-a-token-0123456789abcdefghijkl');
    await page.getByRole('heading', { level: 1, name: da.gone.title, exact: true }).waitFor();
    await page.getByText(da.gone.body, { exact: true }).waitFor();

    // In English too.
    await page.goto('/feedback/this-is-not-a-token-0123456789abcdefghijkl?lang=en');
    await page.getByRole('heading', { level: 1, name: en.gone.title, exact: true }).waitFor();
    await checkA11y(page, 'feedback-link-gone-en');
    expectNoPageErrors(page);
  });

  it('speaks English with ?lang=en and switches language without losing a mark; a drag moves a mark; topics reach the agenda', async () => {
    // Before a planned meeting: how it has gone, and topics for the agenda.
    const { id: meeting2, startsAt: startsAt2 } = await createMeeting('planned');
    const link = await createLink(meeting2, ['topics', 'ors']);
    const page = await phone();
    await page.goto(`/feedback/${link.token}?lang=en`);
    await page.getByRole('heading', { level: 1, name: fill(en.greeting, { name: firstName }), exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText(fill(en.meeting, { date: copenhagenDate(startsAt2, 'en') }), { exact: true }).waitFor();
    // The ORS comes first (before the topics), in the server's English wording.
    await page.getByRole('heading', { level: 2, name: new RegExp(en.parts.ors) }).waitFor();
    const myself = page.getByRole('slider').first();
    expect(await myself.getAttribute('aria-valuetext')).toBe(vas.en.unset);
    const englishLabel = await page.locator('label[for="field-items-individually"]').innerText();
    await checkA11y(page, 'feedback-link-ors-en');
    await shot(page, 'feedback-link-ors-en');

    // Drag a mark with a finger: touch down at 2,0, slide sideways to 7,3.
    const line = page.getByTestId('field-items-individually-line');
    await line.scrollIntoViewIfNeeded();
    const box = (await line.boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const at = (t: number) => ({ x: box.x + (box.width * t) / 100, y });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(20)] });
    for (const t of [25, 35, 45, 55, 65, 73]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(t)] });
      await page.waitForTimeout(30);
    }
    // Hold still before lifting the finger, so the browser sees no fling (a tap during a fling only stops it).
    await page.waitForTimeout(150);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(73)] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => shown(page, 'individually')).toBe(fill(vas.en.visibleValue, { value: '7.3' }));

    // Switch to Danish: Danish texts and wording, the mark stays.
    await page.getByRole('button', { name: text.da.common.languageName.da, exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: fill(da.greeting, { name: firstName }), exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await expect.poll(() => page.locator('label[for="field-items-individually"]').innerText()).not.toBe(englishLabel);
    expect(await shown(page, 'individually')).toBe(fill(vas.da.visibleValue, { value: '7,3' }));
    await page.getByRole('button', { name: text.da.common.languageName.en, exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: fill(en.greeting, { name: firstName }), exact: true }).waitFor();
    expect(await page.locator('label[for="field-items-individually"]').innerText()).toBe(englishLabel);

    await tapAt(page, 'interpersonally', 50);
    await tapAt(page, 'socially', 50);
    await tapAt(page, 'overall', 50);
    await page.getByRole('button', { name: en.submit, exact: true }).tap();
    await page.getByRole('heading', { level: 2, name: new RegExp(en.parts.topics) }).waitFor();

    // Topics: one field, "Add another topic" for the next.
    await page.getByLabel(fill(en.topics.label, { n: 1 })).fill('Finding a job');
    await page.getByRole('button', { name: en.topics.addAnother, exact: true }).tap();
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('field-topics-1');
    await page.getByLabel(fill(en.topics.label, { n: 2 }), { exact: false }).fill('Moving to my own flat');
    await checkA11y(page, 'feedback-link-topics-en');
    await shot(page, 'feedback-link-topics-en');
    await page.getByRole('button', { name: en.submit, exact: true }).tap();
    await page.getByRole('status').filter({ hasText: en.thanks.allTitle }).waitFor();
    await checkA11y(page, 'feedback-link-thanks-en');
    expectNoPageErrors(page);

    const { data: meeting } = await apiClient(caseworkerToken).GET('/meetings/{id}', { params: { path: { id: meeting2 } } });
    const citizenTopics = (meeting?.agenda ?? []).filter((a) => a.added_by === 'citizen').map((a) => a.text);
    expect(citizenTopics).toEqual(['Finding a job', 'Moving to my own flat']);
    const { data: fb } = await apiClient(caseworkerToken).GET('/meetings/{id}/feedback', { params: { path: { id: meeting2 } } });
    expect(fb?.ors.find((s) => s.rater === 'citizen')?.total).toBeCloseTo(22.3, 5);
  });

  it('says so when the server refuses a part (topics for a meeting cancelled since) and stores nothing', async () => {
    // Topics are offered only for a planned meeting; this one is cancelled
    // after the link was made, so the server refuses the topics (409).
    const planned = await createMeeting('planned');
    const link = await createLink(planned.id, ['topics']);
    const api = apiClient(caseworkerToken);
    const current = await api.GET('/meetings/{id}', { params: { path: { id: planned.id } } });
    const cancelled = await api.PATCH('/meetings/{id}', {
      params: { path: { id: planned.id }, header: { 'If-Match': current.response.headers.get('ETag') ?? '' } },
      body: { status: 'cancelled' },
    });
    expect(cancelled.response.status).toBe(200);
    const page = await phone();
    await page.goto(`/feedback/${link.token}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(da.parts.topics) }).waitFor();
    await page.getByLabel(fill(da.topics.label, { n: 1 })).fill('Min økonomi');
    await page.getByRole('button', { name: da.submit, exact: true }).tap();
    const thanks = page.getByRole('status').filter({ hasText: da.thanks.allTitle });
    await thanks.waitFor();
    expect(await thanks.innerText()).toContain(da.thanks.refused);
    await checkA11y(page, 'feedback-link-refused');
    await shot(page, 'feedback-link-refused');
    const { data: meeting } = await apiClient(caseworkerToken).GET('/meetings/{id}', { params: { path: { id: planned.id } } });
    expect((meeting?.agenda ?? []).map((a) => a.text)).not.toContain('Min økonomi');
    expectNoPageErrors(page);
  });
});
