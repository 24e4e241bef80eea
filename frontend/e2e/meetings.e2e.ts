// Meetings and feedback (FIT) in the browser, end to end against the real
// server: a Team Nord caseworker plans a meeting on a case from the case
// page, runs it as the four steps with the citizen (the ORS entered on the
// visual analogue scales with the keyboard alone, a correction with its
// reason, the notes, a low SRS that raises an alliance signal, which the
// case list's attention panel shows until the caseworker answers it), makes
// a link with a QR code for the citizen's phone; the citizen answers the ORS
// of the next meeting on a phone-sized screen through that link, and the
// case page's chart, table and outcome show both points. A leader opens
// /indsigt/feedback. Axe runs on every screen; screenshots go to
// test-results/.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as meetingsText from '../src/features/meetings/messages';
import * as feedbackText from '../src/features/feedback/messages';
import * as feedbackLinkText from '../src/features/feedback-link/messages';
import { checkA11y } from './support/a11y';
import { apiClient, apiLogin, apiMe, createCaseViaApi, newCaseBody, type Schemas } from './support/api';
import { expectNoPageErrors, fileBrowser, focused, pathOf, settle, shot } from './support/browser';
import { fill, users } from './support/env';

const m = meetingsText.da;
const f = feedbackText.da;
const fl = feedbackLinkText.da;

const { as, anonymous } = fileBrowser();

// Calendar dates as the server counts them (UTC).
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let caseId = '';
let citizen = '';
let meetingId = '';
let linkUrl = '';
let wording: Schemas['FitWording'];

/** Waits for the new screen: its h1 (lazy screens keep the old one up while they load), then settle. */
async function h1(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
  await settle(page);
}

/** The case page's section with this h2. */
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/**
 * Puts the mark of the focused scale at `tenths` with the keyboard alone:
 * Home (0), PageUp per whole point, → per tenth.
 */
async function keys(page: Page, tenths: number) {
  await page.keyboard.press('Home');
  for (let i = 0; i < Math.floor(tenths / 10); i++) await page.keyboard.press('PageUp');
  for (let i = 0; i < tenths % 10; i++) await page.keyboard.press('ArrowRight');
}

/** The step heading ("2. ORS") of the meeting page. */
const stepHeading = (page: Page, n: number, name: string) => page.getByRole('heading', { level: 2, name: `${n}. ${name}`, exact: true });

describe('meetings and feedback', () => {
  beforeAll(async () => {
    const token = await apiLogin(users.caseworkerNord);
    const team = (await apiMe(token)).teams.find((x) => x.name === 'Team Nord')!;
    const made = await createCaseViaApi(
      token,
      newCaseBody(team.id, {
        contact_agreement: { preferred_frequency: 'every_2_weeks', meeting_formats: ['home_visit'], agreed_on: day(-30) },
      }),
    );
    caseId = made.id;
    citizen = made.case.citizen.name;
    const w = await apiClient(token).GET('/fit/wording', { params: { query: { lang: 'da' } } });
    wording = w.data!;
  });

  it('shows contact against the agreement and plans a meeting from the case page', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    const meetings = section(page, m.section.heading);
    // No meeting yet, and the agreement's 14 days have passed: a warning in plain words.
    const contact = meetings.getByTestId('contact-status');
    await contact.getByText(m.contact.overdueHeading).waitFor();
    expect(await contact.innerText()).toContain('Aftalt: hver 14. dag. Der er ikke holdt noget møde endnu. Næste møde burde have været');
    await meetings.getByText(m.section.empty).waitFor();
    await section(page, f.fit.heading).getByText(f.fit.empty).waitFor();
    await checkA11y(page, 'meetings-case-empty');
    await shot(page, 'meetings-case-empty');

    await meetings.getByRole('link', { name: m.section.plan, exact: true }).click();
    await h1(page, m.page.newTitle);
    expect(pathOf(page)).toBe(`/sager/${caseId}/moeder/ny`);
    expect(await page.title()).toContain(m.page.newTitle);
    // Today, at the current quarter hour: the meeting can be held at once.
    expect(await page.getByLabel(m.plan.date, { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel(m.plan.place).fill('Rådhuset, lokale 2');
    await page.getByRole('button', { name: m.plan.addAgenda, exact: true }).click();
    // An empty item is caught before sending, at the field and in the summary.
    await page.getByRole('button', { name: m.plan.submitNew, exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: text(fill(m.plan.agendaItem, { n: 1 })) });
    await summary.waitFor();
    await summary.getByRole('link').first().click();
    expect((await focused(page)).id).toBe('field-agenda-0-text');
    await page.keyboard.type('Hvordan går det med bussen?');
    await page.getByRole('button', { name: m.plan.addAgenda, exact: true }).click();
    await page.getByLabel(fill(m.plan.agendaItem, { n: 2 }), { exact: true }).fill('Boligen');
    await page.getByLabel(m.plan.agendaSent).check();
    await checkA11y(page, 'meeting-new');
    await shot(page, 'meeting-new');

    await page.getByRole('button', { name: m.plan.submitNew, exact: true }).click();
    await page.waitForURL(/\/moeder\/[0-9a-f-]{36}\?trin=plan$/);
    await settle(page);
    meetingId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(m.page.created).waitFor();
    await stepHeading(page, 1, m.steps.plan).waitFor();
    const steps = page.getByRole('navigation', { name: m.page.stepsLabel });
    expect(await steps.getByRole('link', { name: /Plan/ }).getAttribute('aria-current')).toBe('step');
    expect(await steps.getByRole('link', { name: /ORS/ }).innerText()).toContain(m.page.notDone);
    expect(await page.getByLabel(fill(m.plan.agendaItem, { n: 1 }), { exact: true }).inputValue()).toBe('Hvordan går det med bussen?');
    await checkA11y(page, 'meeting-plan');
    await shot(page, 'meeting-plan');
    expectNoPageErrors(page);
  });

  it('runs the meeting: ORS with the keyboard, a correction, a link and QR code for the phone, notes', async () => {
    const page = await as(users.caseworkerNord);
    await page.setViewportSize({ width: 1024, height: 1366 }); // a tablet
    await page.goto(`/sager/${caseId}/moeder/${meetingId}?trin=plan`);
    await settle(page);
    await page.getByRole('link', { name: fill(m.page.next, { step: m.steps.ors }), exact: true }).click();
    await stepHeading(page, 2, m.steps.ors).waitFor();
    // The chosen step's heading takes focus.
    await expect.poll(async () => (await focused(page)).id).toBe('meeting-step-heading');
    await page.getByText(wording.ors_anchor[0]!).first().waitFor();

    // With the keyboard alone: Tab from "who answers" through the four lines to "Gem ORS".
    const ors = [64, 50, 33, 51];
    await page.getByLabel(f.score.rater).focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const at = await focused(page);
      expect(at.name).toBe(wording.ors[i]);
      await keys(page, ors[i]!);
    }
    expect(await page.getByTestId('field-ors-items-individually-value').innerText()).toBe('Dit svar: 6,4');
    await page.getByText(fill(f.score.totalSoFar, { total: '19,8' })).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe(fill(f.score.submit, { scale: 'ORS' }));
    await page.keyboard.press('Enter');
    await page.getByText(fill(f.score.saved, { scale: 'ORS', total: '19,8' })).waitFor();
    await page.getByRole('heading', { name: fill(f.score.recorded, { scale: 'ORS', who: f.rater.citizen, total: '19,8' }) }).waitFor();
    await checkA11y(page, 'meeting-ors');
    await shot(page, 'meeting-ors');

    // "Ret": a correction needs a reason; the earlier value is kept in the history.
    await page.getByRole('button', { name: `${f.correct.action} ${fill(f.correct.actionFor, { scale: 'ORS', who: f.rater.citizen })}` }).click();
    const correction = page.locator('form.score-correction');
    await correction.getByRole('slider', { name: wording.ors[3] }).focus();
    await keys(page, 61);
    await correction.getByRole('button', { name: f.correct.submit, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: f.correct.reasonRequired }).waitFor();
    await correction.getByLabel(f.correct.reason).fill('Tastet forkert på den sidste linje');
    await checkA11y(page, 'meeting-ors-correct');
    await correction.getByRole('button', { name: f.correct.submit, exact: true }).click();
    await page.getByText(fill(f.correct.saved, { scale: 'ORS', total: '20,8' })).waitFor();
    const history = page.getByRole('table', { name: fill(f.correct.historyCaption, { scale: 'ORS', who: f.rater.citizen }) });
    await history.getByRole('cell', { name: 'Tastet forkert på den sidste linje' }).waitFor();
    await history.getByRole('cell', { name: '19,8', exact: true }).waitFor();

    // The link for the citizen's phone: QR code and the address as text.
    await page.getByRole('button', { name: f.link.create, exact: true }).click();
    await page.getByText(f.link.ready).waitFor();
    const qr = page.getByRole('img', { name: f.link.qr });
    await qr.waitFor();
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    linkUrl = (await page.getByTestId('feedback-link-url').innerText()).trim();
    expect(linkUrl).toMatch(new RegExp(`^${new URL(page.url()).origin}/feedback/[A-Za-z0-9_-]{20,}$`));
    await page.getByText(f.link.onlyNow).waitFor();
    await checkA11y(page, 'meeting-link');
    await shot(page, 'meeting-link');

    // Notes: a summary, an agreement, and the meeting marked held.
    await page.getByRole('link', { name: fill(m.page.next, { step: m.steps.notes }), exact: true }).click();
    await stepHeading(page, 3, m.steps.notes).waitFor();
    await page.getByLabel(m.notes.summary).fill('Vi talte om bussen og om boligen. Borgeren vil prøve turen alene.');
    await page.getByRole('button', { name: m.notes.addAgreement, exact: true }).click();
    await page.getByLabel(fill(m.notes.agreementText, { n: 1 }), { exact: true }).fill('Borgeren tager bussen alene til værestedet');
    await page.getByLabel(fill(m.notes.due, { n: 1 })).fill(day(14));
    const status = page.getByRole('group', { name: m.notes.status });
    expect(await status.getByLabel(m.status.held, { exact: true }).isChecked()).toBe(true);
    await checkA11y(page, 'meeting-notes');
    await page.getByRole('button', { name: m.notes.submit, exact: true }).click();
    await page.getByText(m.page.saved).waitFor();
    await page.getByText(`${m.status.held}`, { exact: false }).first().waitFor();
    await shot(page, 'meeting-notes');
    expectNoPageErrors(page);
  });

  it('enters a low SRS: the alliance signal shows at once and in the attention list until it is answered', async () => {
    const page = await as(users.caseworkerNord);
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.goto(`/sager/${caseId}/moeder/${meetingId}?trin=srs`);
    await settle(page);
    await stepHeading(page, 4, m.steps.srs).waitFor();
    const srs = [70, 80, 90, 90];
    for (let i = 0; i < 4; i++) {
      await page.getByRole('slider', { name: wording.srs[i] }).focus();
      await keys(page, srs[i]!);
    }
    await page.getByRole('button', { name: fill(f.score.submit, { scale: 'SRS' }), exact: true }).click();
    await page.getByText(fill(f.score.saved, { scale: 'SRS', total: '33,0' })).waitFor();
    const alliance = page.getByRole('alert').filter({ hasText: f.signal.allianceHeading });
    await alliance.waitFor();
    expect(await alliance.innerText()).toContain(`SRS er 33,0 af 40 (under 36). Lavt: ${wording.srs[0]}, ${wording.srs[1]}.`);
    await page.getByRole('heading', { name: f.signal.kind.alliance }).waitFor();
    await checkA11y(page, 'meeting-srs-alliance');
    await shot(page, 'meeting-srs-alliance');

    // The caseworker's own list of cases that need attention shows it.
    const list = await as(users.caseworkerNord);
    await list.goto('/sager');
    await settle(list);
    const panel = list.getByRole('region', { name: f.attention.heading });
    const row = panel.getByRole('row').filter({ hasText: citizen });
    await row.getByText(f.signal.kind.alliance).waitFor();
    expect(await row.getByRole('link').getAttribute('href')).toBe(`/sager/${caseId}`);
    await checkA11y(list, 'attention-list');
    await shot(list, 'attention-list');

    // "What will change", answered on the meeting.
    await page.getByLabel(f.signal.respond).fill('Næste gang går vi en tur, og du bestemmer, hvad vi taler om først.');
    await page.getByRole('button', { name: f.signal.submit, exact: true }).click();
    await page.getByText(f.signal.responded).waitFor();
    await page.getByText(fill(f.signal.answer, { note: 'Næste gang går vi en tur, og du bestemmer, hvad vi taler om først.' })).waitFor();

    // The three questions.
    const questions = page.getByRole('region', { name: f.questions.heading });
    await questions.getByRole('group', { name: wording.questions.meeting_ok }).getByLabel(f.questions.partly, { exact: true }).check();
    await questions.getByRole('group', { name: wording.questions.talked_about }).getByLabel(f.questions.yes, { exact: true }).check();
    await questions.getByRole('button', { name: f.questions.submit, exact: true }).click();
    await questions.getByRole('heading', { name: f.questions.answered }).waitFor();
    await checkA11y(page, 'meeting-srs-done');
    await shot(page, 'meeting-srs-done');

    // Answered: it has left the attention list.
    await list.reload();
    await settle(list);
    await expect.poll(() => list.getByRole('region', { name: f.attention.heading }).getByRole('row').filter({ hasText: citizen }).count()).toBe(0);
    expectNoPageErrors(page);
    expectNoPageErrors(list);
  });

  it('shows the new point in the case page chart and table, with contact now on track', async () => {
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    const meetings = section(page, m.section.heading);
    const contact = meetings.getByTestId('contact-status');
    await contact.getByText(/^Aftalt: hver 14\. dag\. Seneste møde: /).waitFor();
    expect(await contact.innerText()).toContain('Næste møde senest:');
    expect(await contact.innerText()).toContain(`Møder i en form, aftalen ikke nævner: ${m.form.office}.`);
    const item = meetings.getByRole('list', { name: m.section.listLabel }).getByRole('listitem');
    await item.getByText('ORS 20,8').waitFor();
    await item.getByText('SRS 33,0').waitFor();
    await item.getByText(m.section.allianceBadge).waitFor();
    await meetings.getByRole('list', { name: m.timeline.label }).getByRole('link', { name: `Møde (${m.form.office}): ${m.status.held}` }).waitFor();

    const fit = section(page, f.fit.heading);
    await fit.getByText(/^For få målinger/).waitFor();
    await fit.getByRole('table', { name: f.fit.orsCaption }).getByRole('cell', { name: '20,8', exact: true }).waitFor();
    expect(await fit.getByTestId('ors-point').count()).toBe(1);
    expect(await fit.getByTestId('srs-point-alliance').count()).toBe(1);
    const srsTable = fit.getByRole('table', { name: f.fit.srsCaption });
    await srsTable.getByRole('cell', { name: '33,0', exact: true }).waitFor();
    await srsTable.getByRole('cell', { name: `${wording.srs[0]}, ${wording.srs[1]}` }).waitFor();
    await checkA11y(page, 'meetings-case');
    await shot(page, 'meetings-case');
    expectNoPageErrors(page);
  });

  it('takes the citizen\u2019s ORS from their phone through the link, and the chart shows it', async () => {
    // The next meeting, a little later, planned through the API.
    const token = await apiLogin(users.caseworkerNord);
    const { data: next } = await apiClient(token).POST('/cases/{case_id}/meetings', {
      params: { path: { case_id: caseId } },
      body: { starts_at: new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z'), form: 'home' },
    });
    const page = await as(users.caseworkerNord);
    // The next meeting opens with what the citizen said last time and what was done about it.
    await page.goto(`/sager/${caseId}/moeder/${next!.id}?trin=plan`);
    await settle(page);
    const said = page.getByRole('region', { name: f.lastMeeting.heading });
    await said.getByText(f.lastMeeting.kind.alliance, { exact: false }).waitFor();
    await said.getByText('Næste gang går vi en tur, og du bestemmer, hvad vi taler om først.', { exact: false }).waitFor();
    await checkA11y(page, 'meeting-next-plan');
    await shot(page, 'meeting-next-plan');
    await page.goto(`/sager/${caseId}/moeder/${next!.id}?trin=ors`);
    await settle(page);
    await page.getByRole('group', { name: f.link.parts }).getByLabel(f.link.part.srs, { exact: true }).uncheck();
    await page.getByRole('group', { name: f.link.parts }).getByLabel(f.link.part.questions, { exact: true }).uncheck();
    await page.getByRole('group', { name: f.link.parts }).getByLabel(f.link.part.topics, { exact: true }).uncheck();
    await page.getByRole('button', { name: f.link.create, exact: true }).click();
    await page.getByRole('img', { name: f.link.qr }).waitFor();
    const url = (await page.getByTestId('feedback-link-url').innerText()).trim();

    // The citizen's phone.
    const phone = await anonymous();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url);
    const first = citizen.split(' ')[0]!;
    await phone.getByRole('heading', { level: 1, name: fill(fl.greeting, { name: first }) }).waitFor();
    for (let i = 0; i < 4; i++) {
      await phone.getByRole('slider', { name: wording.ors[i] }).focus();
      await keys(phone, 70);
    }
    await checkA11y(phone, 'feedback-phone-ors');
    await phone.getByRole('button', { name: fl.submit, exact: true }).click();
    await phone.getByText(fl.thanks.allTitle).waitFor();
    await shot(phone, 'feedback-phone-done');

    // The caseworker fetches the answers: the phone's ORS is on the meeting.
    await page.getByRole('button', { name: f.link.refresh, exact: true }).click();
    await page.getByRole('heading', { name: fill(f.score.recorded, { scale: 'ORS', who: f.rater.citizen, total: '28,0' }) }).waitFor();
    await page.getByText(new RegExp(`${f.enteredBy.citizen_device}`)).first().waitFor();

    // The case page: two points, and a reliable improvement across the line.
    await page.goto(`/sager/${caseId}`);
    await settle(page);
    const fit = section(page, f.fit.heading);
    await fit.getByTestId('fit-outcome').getByText('Pålidelig forbedring: +7,2 point; krydset grænsen på 25').waitFor();
    await expect.poll(() => fit.getByTestId('ors-point').count()).toBe(2);
    const table = fit.getByRole('table', { name: f.fit.orsCaption });
    await table.getByRole('cell', { name: '28,0', exact: true }).waitFor();
    await table.getByRole('cell', { name: '+7,2', exact: true }).waitFor();
    expect(await fit.getByRole('img').first().getAttribute('aria-label')).toContain('2 målinger');
    await checkA11y(page, 'meetings-case-two');
    await shot(page, 'meetings-case-two');
    expectNoPageErrors(page);
    expectNoPageErrors(phone);
    expect(linkUrl).not.toBe(url);
  });

  it('lets a leader read the feedback figures per team, with too few cases withheld', async () => {
    const page = await as(users.leaderNord);
    await page.goto('/indsigt/principper');
    await settle(page);
    await page.getByRole('navigation', { name: f.insightsNav.label }).getByRole('link', { name: f.insightsNav.feedback, exact: true }).click();
    await h1(page, f.insights.title);
    expect(pathOf(page)).toBe('/indsigt/feedback');
    expect(await page.title()).toContain(f.insights.title);
    const table = page.getByRole('table', { name: f.insights.caption });
    await table.getByRole('rowheader', { name: 'Team Nord' }).waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Team Nord' }) });
    // Either the figures, or the plain refusal when too few cases: never a bare number for one citizen.
    const cells = await row.getByRole('cell').allInnerTexts();
    if (cells[0] === f.insights.tooFew) expect(cells).toHaveLength(3);
    else expect(cells[1]).toMatch(/%$/);
    expect(cells[cells.length - 1]).toMatch(/^\d+ af \d+$/);
    // The main menu's "Indsigt" stays marked on both insight pages.
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).locator('li.active').innerText()).toBe('Indsigt');
    await checkA11y(page, 'insights-feedback');
    await shot(page, 'insights-feedback');
    expectNoPageErrors(page);
  });
});

/** A summary line names the field first ("Punkt 1: …"). */
function text(label: string): string {
  return `${label}:`;
}
