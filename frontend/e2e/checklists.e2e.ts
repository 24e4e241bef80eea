// The principle checklists in the browser, end to end against the real
// server: a caseworker fills in the checklist of a case's phase with the
// keyboard alone (a missing "why" is caught and fixed), the phase gate warns
// after a move and, once an administrator requires answers on the settings
// page, refuses a move and says what is missing; a leader reads the
// principle × phase heatmap and its table, and drills down into a cell to a
// case. Axe runs on every screen; screenshots go to test-results/.
//
// The phase gate's setting is shared by every test file on the same server:
// it is put back to "warn" after this file, whatever happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as cases from '../src/features/cases/messages';
import * as checklists from '../src/features/checklists/messages';
import { checkA11y } from './support/a11y';
import { apiClient, apiGetCase, apiLogin, apiMe, createCaseViaApi, newCaseBody, type Schemas } from './support/api';
import { expectNoPageErrors, fileBrowser, focused, pathOf, settle, shot } from './support/browser';
import { fill, text, users } from './support/env';

const k = checklists.da;
const c = cases.da;
const t = text.da;

const { as } = fileBrowser();

/** Waits for the new screen: its h1 (lazy screens keep the old one up while they load), then settle. */
async function h1(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
  await settle(page);
}

type Principle = Schemas['Principle'];
let principles: Principle[] = [];
/** The principle with this code, as the server words it. */
const principle = (code: string) => principles.find((p) => p.code === code)!;
/** The fieldset of one principle in the checklist (named by its number and title). */
const row = (page: Page, code: string) => {
  const p = principle(code);
  return page.getByRole('group', { name: `${p.number}. ${p.title_da}` });
};

/** A fresh case of Team Nord, in sagsaabning with an empty checklist. */
async function freshCase(): Promise<{ id: string; name: string }> {
  const token = await apiLogin(users.caseworkerNord);
  const team = (await apiMe(token)).teams.find((x) => x.name === 'Team Nord')!;
  const made = await createCaseViaApi(token, newCaseBody(team.id));
  return { id: made.id, name: made.case.citizen.name };
}

/** The case's current checklist, read through the API. */
async function currentChecklist(caseId: string): Promise<Schemas['Checklist']> {
  const token = await apiLogin(users.caseworkerNord);
  const { data } = await apiClient(token).GET('/cases/{case_id}/checklists', { params: { path: { case_id: caseId } } });
  return data!.items.find((x) => x.current)!;
}

/** Puts the phase gate back to warn (through the API, so it happens even when a screen failed). */
async function resetGate() {
  const client = apiClient(await apiLogin(users.admin));
  const { data, response } = await client.GET('/settings');
  if (!data || data.phase_gate === 'warn') return;
  const res = await client.PATCH('/settings', {
    params: { header: { 'If-Match': response.headers.get('ETag') ?? `"${data.version}"` } },
    body: { phase_gate: 'warn' },
  });
  if (!res.response.ok) throw new Error(`resetting the phase gate failed: HTTP ${res.response.status}`);
}

/** Presses Tab until the focused element matches, at most `max` times. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error('Tab never reached the element');
}

/** The focused element's id, value and checked state. */
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { id: el?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', value: el?.value ?? '', checked: !!el?.checked, expanded: el?.getAttribute('aria-expanded') };
  });

beforeAll(async () => {
  const { data } = await apiClient(await apiLogin(users.caseworkerNord)).GET('/principles');
  principles = data!.principles;
});

describe('principle checklists', () => {
  afterAll(resetGate);

  it('a caseworker fills in the phase’s checklist with the keyboard alone', async () => {
    const { id, name } = await freshCase();
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${id}`);
    await h1(page, name);
    const section = page.getByRole('region', { name: c.detail.phase.heading, exact: true });
    await section.getByText(fill(k.form.completion, { answered: 0, relevant: 6 })).waitFor();
    // In sagsaabning: core P1, P4, P5, P6; optional P3, P8; the others folded away.
    const legends = await section.locator('form.checklist-form fieldset:visible > legend').allInnerTexts();
    expect(legends.map((l) => l.split('.')[0])).toEqual(['1', '4', '5', '6', '3', '8']);
    await section.getByRole('button', { name: fill(k.form.other, { n: 2 }) }).waitFor();
    await checkA11y(page, 'checklist');
    await shot(page, 'checklist');

    // Start at the checklist's heading (where "Gå til tjeklisten" leads); from there only keys.
    await page.locator('#checklist-heading').focus();

    /**
     * One row: Tab to its help toggle (opened with Space on the first row),
     * Tab into the answers (focus lands on the checked "not answered yet"),
     * arrow keys to the answer, Tab to the note and type it.
     */
    async function answer(code: string, keys: string[], note: string, opts: { openHelp?: boolean } = {}) {
      const f = await tabTo(page, (x) => x.tag === 'button', 3);
      expect(f.name).toContain(k.form.help);
      if (opts.openHelp) {
        await page.keyboard.press('Space');
        expect((await active(page)).expanded).toBe('true');
        await row(page, code).getByText(principle(code).reflection_questions.da[0]!).waitFor();
      }
      await page.keyboard.press('Tab');
      const radio = await active(page);
      expect(radio.value).toBe('open');
      expect(radio.id).toMatch(new RegExp(`${code}-open$`));
      for (const key of keys) await page.keyboard.press(key);
      await page.keyboard.press('Tab');
      const area = await active(page);
      expect(area.tag).toBe('textarea');
      expect(area.id).toBe(`field-items-${code}-note`);
      if (note) await page.keyboard.type(note);
    }
    // Arrow keys wrap: Down from "not answered yet" (last) is "applied" (first).
    await answer('P1_HOPES', ['ArrowDown'], 'Borgeren fortalte selv om sine drømme.', { openHelp: true });
    await answer('P4_OPENNESS', ['ArrowDown'], '');
    await answer('P5_EARLY', ['ArrowUp', 'ArrowUp'], ''); // not applied, and no why yet
    await answer('P6_COORDINATED', ['ArrowDown', 'ArrowDown'], 'Aftalt møde med jobcentret.');
    await answer('P3_NETWORK', ['ArrowUp'], 'Borgeren vil ikke inddrage familien endnu.');
    expect(await row(page, 'P5_EARLY').getByLabel(k.status.not_applied, { exact: true }).isChecked()).toBe(true);
    expect(await row(page, 'P6_COORDINATED').getByLabel(k.status.partly_applied, { exact: true }).isChecked()).toBe(true);
    expect(await row(page, 'P3_NETWORK').getByLabel(k.status.not_relevant_now, { exact: true }).isChecked()).toBe(true);
    await section.getByText(fill(k.form.completion, { answered: 5, relevant: 6 })).waitFor();

    // On to "Gem tjekliste" and submit: the missing "why" is caught before sending.
    await tabTo(page, (x) => x.name === k.form.submit);
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: t.common.errorSummaryTitle });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-module'))).toBe('error-summary');
    const message = fill(k.form.inPrinciple, { title: principle('P5_EARLY').title_da, message: k.errors.noteRequired });
    await summary.getByRole('link', { name: message }).waitFor();
    const note5 = row(page, 'P5_EARLY').getByLabel(k.form.note, { exact: true });
    expect(await note5.getAttribute('aria-invalid')).toBe('true');
    expect((await currentChecklist(id)).completion.answered).toBe(0);
    await checkA11y(page, 'checklist-errors');
    await shot(page, 'checklist-errors');

    // The summary's link takes focus to the note; write why and save.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe(message);
    await page.keyboard.press('Enter');
    expect((await active(page)).id).toBe('field-items-P5_EARLY-note');
    await page.keyboard.type('Borgeren var syg; vi tager det op næste gang.');
    await tabTo(page, (x) => x.name === k.form.submit);
    await page.keyboard.press('Space');
    await page.getByText(fill(k.form.saved, { answered: 5, relevant: 6 })).waitFor();
    await section.getByText(fill(k.form.completion, { answered: 5, relevant: 6 })).waitFor();
    expect(await page.getByText(k.form.unsaved).count()).toBe(0);
    await checkA11y(page, 'checklist-saved');
    await shot(page, 'checklist-saved');

    const saved = await currentChecklist(id);
    const by = Object.fromEntries(saved.items.map((i) => [i.principle.code, `${i.status}|${i.note}`]));
    expect(by).toMatchObject({
      P1_HOPES: 'applied|Borgeren fortalte selv om sine drømme.',
      P4_OPENNESS: 'applied|',
      P5_EARLY: 'not_applied|Borgeren var syg; vi tager det op næste gang.',
      P6_COORDINATED: 'partly_applied|Aftalt møde med jobcentret.',
      P3_NETWORK: 'not_relevant_now|Borgeren vil ikke inddrage familien endnu.',
      P8_KNOWLEDGE: 'open|',
    });
    expect(saved.completion).toEqual({ answered: 5, relevant: 6, percent: 83 });
    expect(saved.items.find((i) => i.principle.code === 'P1_HOPES')!.updated_by_name).toBe(users.caseworkerNord.name);
    expectNoPageErrors(page);
  });

  it('the phase gate warns after a move, and refuses it once an administrator requires answers', async () => {
    const core = ['P1_HOPES', 'P4_OPENNESS', 'P5_EARLY', 'P6_COORDINATED'].map((code) => principle(code).title_da);

    // Warn (the default): the move happens, and the open core principles are named.
    const first = await freshCase();
    const page = await as(users.caseworkerNord);
    await page.goto(`/sager/${first.id}`);
    await h1(page, first.name);
    const section = page.getByRole('region', { name: c.detail.phase.heading, exact: true });
    const before = section.getByTestId('gate-before');
    await before.getByText(fill(k.gate.openBefore, { phase: c.labels.phase.sagsaabning })).waitFor();
    await before.getByText(k.gate.warnBefore).waitFor();
    expect(await before.getByRole('listitem').allInnerTexts()).toEqual(core);
    await section.getByRole('group', { name: c.detail.phase.legend }).getByLabel(c.labels.phase.sagsoplysning, { exact: true }).check();
    await section.getByRole('button', { name: c.detail.phase.submit, exact: true }).click();
    await section.getByText(fill(c.detail.phase.moved, { phase: c.labels.phase.sagsoplysning })).waitFor();
    const warning = section.getByRole('alert').filter({ hasText: k.gate.warnAfter });
    await warning.waitFor();
    expect(await warning.getByRole('listitem').allInnerTexts()).toEqual(core);
    expect((await apiGetCase(await apiLogin(users.caseworkerNord), first.id)).case?.phase).toBe('sagsoplysning');
    await checkA11y(page, 'phase-gate-warn');
    await shot(page, 'phase-gate-warn');
    expectNoPageErrors(page);

    // An administrator requires answers first, on the settings page.
    const admin = await as(users.admin);
    await admin.getByRole('navigation', { name: t.common.nav.label }).getByRole('link', { name: t.common.nav.settings, exact: true }).click();
    await h1(admin, k.settings.title);
    expect(pathOf(admin)).toBe('/admin/indstillinger');
    const modes = admin.getByRole('group', { name: k.settings.gateLegend });
    expect(await modes.getByLabel(k.settings.warn, { exact: true }).isChecked()).toBe(true);
    await checkA11y(admin, 'settings');
    await shot(admin, 'settings');
    await modes.getByLabel(k.settings.require, { exact: true }).check();
    await admin.getByRole('button', { name: k.settings.submit, exact: true }).click();
    await admin.getByText(k.settings.saved).waitFor();
    await admin.getByText(new RegExp(`^Sidst ændret .+ af ${users.admin.name}\\.$`)).waitFor();
    expect((await apiClient(await apiLogin(users.caseworkerNord)).GET('/settings')).data?.phase_gate).toBe('require');
    expectNoPageErrors(admin);

    // Require: the caseworker is told in advance, and the move is refused in plain words.
    const second = await freshCase();
    await page.goto(`/sager/${second.id}`);
    await h1(page, second.name);
    await before.getByText(k.gate.requireBefore).waitFor();
    await section.getByRole('group', { name: c.detail.phase.legend }).getByLabel(c.labels.phase.sagsoplysning, { exact: true }).check();
    await section.getByRole('button', { name: c.detail.phase.submit, exact: true }).click();
    const refusal = section.getByRole('alert').filter({ hasText: k.gate.refusedHeading });
    await refusal.waitFor();
    await refusal.getByText(fill(k.gate.refused, { phase: c.labels.phase.sagsaabning })).waitFor();
    expect(await refusal.getByRole('listitem').allInnerTexts()).toEqual(core);
    expect(await section.getByText(c.detail.phase.conflict).count()).toBe(0);
    expect((await apiGetCase(await apiLogin(users.caseworkerNord), second.id)).case?.phase).toBe('sagsaabning');
    await checkA11y(page, 'phase-gate-refused');
    await shot(page, 'phase-gate-refused');

    // "Gå til tjeklisten" leads there; with the core principles answered the move goes through.
    await refusal.getByRole('link', { name: k.gate.toChecklist }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('checklist-heading');
    for (const code of ['P1_HOPES', 'P4_OPENNESS', 'P5_EARLY', 'P6_COORDINATED']) {
      await row(page, code).getByLabel(k.status.applied, { exact: true }).check();
    }
    await section.getByRole('button', { name: k.form.submit, exact: true }).click();
    await section.getByText(fill(k.form.saved, { answered: 4, relevant: 6 })).waitFor();
    await expect.poll(() => before.count()).toBe(0);
    await section.getByRole('group', { name: c.detail.phase.legend }).getByLabel(c.labels.phase.sagsoplysning, { exact: true }).check();
    await section.getByRole('button', { name: c.detail.phase.submit, exact: true }).click();
    await section.getByText(fill(c.detail.phase.moved, { phase: c.labels.phase.sagsoplysning })).waitFor();
    expect(await section.getByRole('alert').filter({ hasText: k.gate.warnAfter }).count()).toBe(0);
    // The earlier checklist is kept, read-only, under the new one.
    const history = section.getByRole('table', { name: k.history.caption });
    await history.getByRole('rowheader', { name: c.labels.phase.sagsaabning }).waitFor();
    expectNoPageErrors(page);

    // Back to warn through the screen (afterAll makes sure of it as well).
    await admin.reload();
    await h1(admin, k.settings.title);
    await modes.getByLabel(k.settings.warn, { exact: true }).check();
    await admin.getByRole('button', { name: k.settings.submit, exact: true }).click();
    await admin.getByText(k.settings.saved).waitFor();
    expect((await apiClient(await apiLogin(users.caseworkerNord)).GET('/settings')).data?.phase_gate).toBe('warn');
  });

  it('a leader reads the heatmap and its table, and drills down from a cell to a case', async () => {
    const page = await as(users.leaderNord);
    await page.getByRole('navigation', { name: t.common.nav.label }).getByRole('link', { name: t.common.nav.insights, exact: true }).click();
    await h1(page, k.insights.title);
    expect(pathOf(page)).toBe('/indsigt/principper');
    const heatmap = page.getByRole('table', { name: k.insights.heatmapCaption });
    await heatmap.waitFor();
    const p1 = principle('P1_HOPES');
    const p1Row = heatmap.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `1. ${p1.title_da}` }) });
    // P1 has no role in afgørelse: a dash, no link.
    const cells = p1Row.getByRole('cell');
    expect(await cells.count()).toBe(6);
    expect(await cells.nth(3).locator('.heat-value').innerText()).toBe(k.insights.notRelevant);
    expect(await cells.nth(3).getByRole('link').count()).toBe(0);
    // Sagsåbning: a share of the demo team's checklists, as a number.
    const cell = cells.nth(0).getByRole('link');
    expect(await cell.locator('.heat-value').innerText()).toMatch(/^\d{1,3}\s%$/);
    await page.getByText(/^Periode: /).waitFor();
    await checkA11y(page, 'insights-heatmap');
    await shot(page, 'insights-heatmap');

    // The same numbers as a table.
    const toggle = page.getByRole('button', { name: k.insights.showTable, exact: true });
    await toggle.click();
    expect(await page.getByRole('button', { name: k.insights.hideTable, exact: true }).getAttribute('aria-expanded')).toBe('true');
    const table = page.getByRole('table', { name: k.insights.tableCaption });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(48);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      k.insights.col.principle,
      k.insights.col.phase,
      k.insights.col.role,
      k.insights.col.checklists,
      k.status.applied,
      k.status.partly_applied,
      k.status.not_applied,
      k.status.not_relevant_now,
      k.status.open,
    ]);
    await checkA11y(page, 'insights-table');
    await shot(page, 'insights-table');

    // Drill down into P1 in sagsåbning, then on to a case.
    await cell.click();
    await h1(page, fill(k.insights.drill.heading, { principle: p1.title_da }));
    expect(pathOf(page)).toMatch(/^\/indsigt\/principper\/P1_HOPES\/sagsaabning\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const list = page.getByRole('table', { name: k.insights.drill.caption });
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBeGreaterThan(0);
    await checkA11y(page, 'insights-drilldown');
    await shot(page, 'insights-drilldown');

    // Only one answer.
    await page.getByLabel(k.insights.drill.filter, { exact: true }).selectOption('applied');
    await page.getByRole('button', { name: k.insights.drill.submit, exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'applied');
    await expect.poll(async () => [...new Set(await list.locator('tbody tr td:nth-child(3)').allInnerTexts())]).toEqual([k.status.applied]);

    const first = list.getByRole('rowheader').first().getByRole('link');
    const citizen = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/sager\/[0-9a-f-]{36}$/);
    await h1(page, citizen);
    await page.getByRole('heading', { level: 3, name: k.section.heading }).waitFor();
    expectNoPageErrors(page);
  });
});
