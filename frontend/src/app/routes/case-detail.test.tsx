import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Schemas } from '@/lib/api/client';
import { I18nProvider } from '@/lib/i18n';
import { json, problem, route, type Call } from '@/features/cases/components/list/fake-api';
import { aChecklist } from '@/features/checklists/fixtures';
import CaseDetailPage from './case-detail';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });

const ID = 'd9fb28e7-55cf-4f26-95c3-d420000f3077';
const SOREN = { id: '04b9958e-d946-4576-92b1-8e10e97d25fd', name: 'Søren Dalby' };

function aCase(over: Partial<Schemas['Case']> = {}): Schemas['Case'] {
  return {
    id: ID,
    team_id: '99a44380-7970-411f-848f-2be7eaf8a25e',
    caseworker: SOREN,
    citizen: { name: 'Peter Lauridsen', cpr: '870588-xxxx' },
    legal_basis: 'sel_85',
    legal_basis_note: 'Støtte til at komme ud og deltage i fællesskaber.',
    target_group: 'mental_health',
    phase: 'afgoerelse',
    phase_iteration: 1,
    allowed_next_phases: ['sagsoplysning', 'bestilling', 'opfoelgning'],
    status: 'open',
    dreams: [
      { id: 'a3c9', kind: 'wish', text: 'Jeg vil gerne bo tættere på min mor.', expressed_by: 'citizen', recorded_at: '2026-11-24T03:34:44Z' },
    ],
    resources: [
      {
        id: 'b227',
        type: 'civil_society',
        description: 'Kommer på værestedet om tirsdagen.',
        source: 'caseworker',
        confirmed_by_citizen: true,
        recorded_at: '2026-11-24T03:34:44Z',
      },
    ],
    network: [
      { id: '85a2', name: 'Grethe Dahl', relation: 'ven fra værestedet', kind: 'friend', contact_status: 'active', consent_to_involve: true },
      { id: '85a3', name: 'Jens Lauridsen', relation: 'bror', kind: 'family', consent_to_involve: false },
    ],
    contact_agreement: {
      meeting_formats: ['walk_and_talk', 'home_visit'],
      meeting_places: ['outdoors'],
      times_of_day: ['morning'],
      media: ['sms', 'phone_call'],
      preferred_frequency: 'every_2_weeks',
      closeness: 'close',
      avoid_conditions: 'Ring ikke fra skjult nummer.',
      agenda_in_advance: true,
      agreed_on: '2026-04-21',
      review_by: '2026-10-18',
    },
    expectations: [
      { id: '82ae', held_on: '2026-04-17', topics: ['waiting_time', 'meeting_forms'], with_relatives: false, summary: 'Der er ventetid på bostøtte.' },
    ],
    follow_up_cadence: 'every_4_months',
    next_follow_up_date: '2026-11-01',
    follow_up_overdue: true,
    opened_at: '2026-03-01T09:00:00Z',
    created_at: '2026-03-01T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    version: 7,
    phase_history: [
      { id: 'h1', from: '', to: 'sagsaabning', iteration: 1, occurred_at: '2026-03-01T09:00:00Z', by: SOREN },
      { id: 'h2', from: 'sagsaabning', to: 'sagsoplysning', iteration: 1, occurred_at: '2026-03-10T09:00:00Z', by: SOREN, note: 'Første samtale holdt.' },
      { id: 'h3', from: 'sagsoplysning', to: 'sagsvurdering', iteration: 1, occurred_at: '2026-04-10T09:00:00Z', by: SOREN },
      { id: 'h4', from: 'sagsvurdering', to: 'afgoerelse', iteration: 1, occurred_at: '2026-05-10T09:00:00Z', by: SOREN },
    ],
    ...over,
  };
}

const noGate = { mode: 'warn', open_principles: [] };
const moved = aCase({
  phase: 'bestilling',
  version: 8,
  allowed_next_phases: ['opfoelgning'],
  phase_history: [
    ...aCase().phase_history,
    { id: 'h5', from: 'afgoerelse', to: 'bestilling', iteration: 1, occurred_at: '2026-11-24T09:00:00Z', by: SOREN, note: 'Bevilget.' },
  ],
});

function renderCase() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[`/sager/${ID}`]}>
          <Routes>
            <Route path="/sager/:id" element={<CaseDetailPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const gets = () => api.calls.filter((c: Call) => c.method === 'GET' && c.path === `/api/v1/cases/${ID}`);

beforeEach(() => {
  api.reset();
  // The goals section of the page (features/goals) reads the case's goals;
  // the phase section reads the checklists and the phase gate's setting.
  api.handlers.push(
    route('GET', `/api/v1/cases/${ID}/goals`, () => json(200, { items: [] })),
    route('GET', `/api/v1/cases/${ID}/checklists`, () => json(200, { items: [aChecklist('afgoerelse')] })),
    route('GET', '/api/v1/settings', () => json(200, { phase_gate: 'warn', version: 1 }, { ETag: '"1"' })),
    // The meetings and feedback sections (features/meetings, features/feedback).
    route('GET', `/api/v1/cases/${ID}/meetings`, () => json(200, { items: [] })),
    route('GET', `/api/v1/cases/${ID}/contact`, () =>
      json(200, {
        status: 'overdue',
        preferred_frequency: 'every_2_weeks',
        interval_days: 14,
        counted_from: 'agreement',
        counted_from_date: '2026-04-21',
        days_since: 217,
        next_expected_on: '2026-05-05',
        window_from: '2026-08-26',
        held_by_form: [],
        forms_outside_agreement: [],
      }),
    ),
    route('GET', `/api/v1/cases/${ID}/fit`, () =>
      json(200, {
        case_id: ID,
        thresholds: { clinical_cutoff: 25, reliable_change: 5, alliance_total: 36, alliance_item: 9 },
        ors: [],
        outcome: { count: 0, change: 0, classification: 'too_few_scores', first_in_clinical_range: false, latest_in_clinical_range: false, clinically_significant_change: false },
        collateral_ors: [],
        srs: [],
      }),
    ),
    route('GET', `/api/v1/cases/${ID}/signals`, () => json(200, { items: [] })),
    route('GET', `/api/v1/cases/${ID}/follow-ups`, () => json(200, { items: [] })),
    route('GET', /^\/api\/v1\/fit\/wording/, () => json(404, { type: 'about:blank', title: 'Not Found', status: 404 })),
  );
});

describe('case page', () => {
  it('shows the case in sections, with the current phase marked', async () => {
    api.handlers.push(route('GET', `/api/v1/cases/${ID}`, () => json(200, aCase(), { ETag: '"7"' })));
    renderCase();
    expect(await screen.findByRole('heading', { level: 1, name: 'Peter Lauridsen' })).toBeTruthy();
    expect(document.title).toBe('Sag – Borgeren i centrum');
    for (const h of ['Borgeren', 'Om sagen', 'Håb, ønsker og drømme', 'Møder', 'Feedback (FIT)', 'Ressourcer', 'Netværk', 'Kontaktaftale', 'Forventningsafstemning', 'Opfølgning', 'Fase', 'Sagens status'])
      expect(screen.getByRole('heading', { level: 2, name: h })).toBeTruthy();
    expect(screen.getByText('Jeg vil gerne bo tættere på min mor.')).toBeTruthy();
    expect(screen.getByText('Bekræftet af borgeren')).toBeTruthy();
    expect(screen.getByText('Borgeren har ikke sagt ja til, at personen må inddrages')).toBeTruthy();
    expect(screen.getByText('Gå-tur-samtale og Hjemmebesøg')).toBeTruthy();
    expect(screen.getAllByText('Opfølgning overskredet').length).toBeGreaterThan(0);
    const steps = screen.getByRole('list', { name: 'Sagens seks faser' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(6);
    const current = steps.querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Afgørelse');
    expect(screen.getByRole('link', { name: 'Ret sagen' }).getAttribute('href')).toBe(`/sager/${ID}/rediger`);
  });

  it('offers only the allowed phases and moves the case with If-Match', async () => {
    api.handlers.push(
      route('GET', `/api/v1/cases/${ID}`, () => json(200, aCase(), { ETag: '"7"' })),
      route('POST', `/api/v1/cases/${ID}/phase`, () => json(200, { ...moved, phase_gate: noGate }, { ETag: '"8"' })),
    );
    renderCase();
    const u = userEvent.setup();
    const group = await screen.findByRole('group', { name: 'Hvilken fase skal sagen rykkes til?' });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['sagsoplysning', 'bestilling', 'opfoelgning']);

    await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));
    expect(await screen.findByRole('link', { name: 'Vælg den fase, sagen skal rykkes til' })).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await u.click(within(group).getByRole('radio', { name: 'Bestilling' }));
    await u.type(screen.getByLabelText(/^Note/, { selector: '#field-phase-note' }), 'Bevilget.');
    await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));

    expect(await screen.findByText('Sagen er rykket til Bestilling.')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"7"');
    expect(post.body).toEqual({ to: 'bestilling', note: 'Bevilget.' });

    const history = screen.getByRole('table', { name: 'Fasehistorik, nyeste først' });
    const firstRow = within(history).getAllByRole('row')[1]!;
    expect(within(firstRow).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Afgørelse',
      'Bestilling',
      'Søren Dalby',
      expect.stringContaining('24. november 2026'),
      'Bevilget.',
    ]);
    expect(within(screen.getByRole('group', { name: 'Hvilken fase skal sagen rykkes til?' })).getAllByRole('radio')).toHaveLength(1);
  });

  it('explains a stale version (412) and fetches the latest one on request', async () => {
    let version = 7;
    api.handlers.push(
      route('GET', `/api/v1/cases/${ID}`, () => json(200, aCase({ version }), { ETag: `"${version}"` })),
      route('POST', `/api/v1/cases/${ID}/phase`, (c) =>
        c.headers.get('If-Match') === '"9"' ? json(200, { ...moved, phase_gate: noGate }, { ETag: '"10"' }) : problem(412, 'precondition-failed'),
      ),
    );
    renderCase();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('radio', { name: 'Bestilling' }));
    await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));
    expect(await screen.findByText('Sagen er blevet ændret')).toBeTruthy();

    version = 9; // someone else saved meanwhile
    await u.click(screen.getByRole('button', { name: 'Hent seneste version' }));
    expect(await screen.findByText('Du ser nu den seneste version af sagen.')).toBeTruthy();
    expect(gets()).toHaveLength(2);
    expect(screen.queryByText('Sagen er blevet ændret')).toBeNull();

    // The choice is kept; sending again uses the new ETag.
    await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));
    expect(await screen.findByText('Sagen er rykket til Bestilling.')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('If-Match'))).toEqual(['"7"', '"9"']);
  });

  it('says so when the move is not allowed (409)', async () => {
    api.handlers.push(
      route('GET', `/api/v1/cases/${ID}`, () => json(200, aCase(), { ETag: '"7"' })),
      route('POST', `/api/v1/cases/${ID}/phase`, () => problem(409, 'conflict', 'A case in afgoerelse cannot move to bestilling.')),
    );
    renderCase();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('radio', { name: 'Bestilling' }));
    await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sagen kan ikke rykkes til den fase.');
    expect(within(alert).getByRole('button', { name: 'Hent seneste version' })).toBeTruthy();
  });

  describe('phase gate', () => {
    // jsdom has no layout.
    Element.prototype.scrollIntoView = vi.fn();
    const opening = aCase({ phase: 'sagsaabning', allowed_next_phases: ['sagsoplysning'], version: 3 });
    // P1 answered; P4, P5 and P6 (core in sagsaabning) still open.
    const list = { items: [aChecklist('sagsaabning', {}, { P1_HOPES: { status: 'applied' } })] };
    function serve(mode: 'warn' | 'require', post: () => Response) {
      api.handlers.unshift(
        route('GET', `/api/v1/cases/${ID}`, () => json(200, opening, { ETag: '"3"' })),
        route('GET', `/api/v1/cases/${ID}/checklists`, () => json(200, list)),
        route('GET', '/api/v1/settings', () => json(200, { phase_gate: mode, version: 2 }, { ETag: '"2"' })),
        route('POST', `/api/v1/cases/${ID}/phase`, post),
      );
    }
    const open = ['Mød borgerne med åbenhed, tillid og respekt', 'Hjælp borgerne så tidligt som muligt', 'Arbejd koordineret med borgernes samlede livssituation'];

    it('lists the open core principles before the move and says a move will be refused in require mode', async () => {
      serve('require', () => problem(500, 'internal'));
      renderCase();
      const before = await screen.findByTestId('gate-before');
      expect(before.textContent).toContain('Disse kerneprincipper er ikke besvaret i tjeklisten for Sagsåbning:');
      expect(within(before).getAllByRole('listitem').map((li) => li.textContent)).toEqual(open);
      await waitFor(() => expect(before.textContent).toContain('Sagen kan ikke rykkes videre, før de er besvaret.'));
      expect(within(before).getByRole('link', { name: 'Gå til tjeklisten' })).toBeTruthy();
    });

    it('warns after a move in warn mode that left core principles open', async () => {
      const movedOn = aCase({ phase: 'sagsoplysning', allowed_next_phases: ['sagsvurdering'], version: 4 });
      serve('warn', () =>
        json(
          200,
          {
            ...movedOn,
            phase_gate: {
              mode: 'warn',
              open_principles: [{ code: 'P6_COORDINATED', title_da: open[2], title_en: 'Work in a coordinated way' }],
            },
          },
          { ETag: '"4"' },
        ),
      );
      renderCase();
      const u = userEvent.setup();
      expect((await screen.findByTestId('gate-before')).textContent).toContain('Du kan godt rykke sagen videre');
      await u.click(await screen.findByRole('radio', { name: 'Sagsoplysning' }));
      await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));
      expect(await screen.findByText('Sagen er rykket til Sagsoplysning.')).toBeTruthy();
      const warning = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Sagen er rykket videre, men'))!;
      expect(warning.textContent).toContain('disse kerneprincipper var ikke besvaret i tjeklisten:');
      expect(within(warning).getByRole('listitem').textContent).toBe(open[2]);
    });

    it('explains a refused move (409 checklist-incomplete) and leads to the checklist', async () => {
      serve('require', () =>
        json(409, {
          type: 'https://bic.example/problems/checklist-incomplete',
          title: 'Checklist incomplete',
          status: 409,
          detail: 'The case cannot leave sagsaabning before the checklist answers every core principle.',
          missing: [
            { code: 'P4_OPENNESS', title: open[0] },
            { code: 'P6_COORDINATED', title: open[2] },
          ],
        }),
      );
      renderCase();
      const u = userEvent.setup();
      await u.click(await screen.findByRole('radio', { name: 'Sagsoplysning' }));
      await u.click(screen.getByRole('button', { name: 'Ryk sagen videre' }));
      const refusal = (await screen.findAllByRole('alert')).find((a) => a.textContent?.includes('Sagen kan ikke rykkes videre endnu'))!;
      expect(refusal.textContent).toContain('Alle kerneprincipper skal være besvaret i tjeklisten for Sagsåbning');
      expect(within(refusal).getAllByRole('listitem').map((li) => li.textContent)).toEqual([open[0], open[2]]);
      // Not the generic "cannot move to that phase" conflict.
      expect(screen.queryByText(/Sagen kan ikke rykkes til den fase/)).toBeNull();
      await u.click(within(refusal).getByRole('link', { name: 'Gå til tjeklisten' }));
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Principper i fasen' }));
    });
  });

  it('shows the full CPR number only when asked', async () => {
    api.handlers.push(
      route('GET', `/api/v1/cases/${ID}`, () => json(200, aCase(), { ETag: '"7"' })),
      route('GET', `/api/v1/cases/${ID}/cpr`, () => json(200, { cpr: '870588-9169' })),
    );
    renderCase();
    const u = userEvent.setup();
    expect(await screen.findByText('870588-xxxx')).toBeTruthy();
    expect(api.calls.some((c) => c.path.endsWith('/cpr'))).toBe(false);
    await u.click(screen.getByRole('button', { name: 'Vis CPR-nummer' }));
    expect(await screen.findByText('870588-9169')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Skjul CPR-nummer' }));
    expect(screen.queryByText('870588-9169')).toBeNull();
    expect(screen.getByText('870588-xxxx')).toBeTruthy();
  });

  it('closes the case with a reason and If-Match, then offers to reopen it', async () => {
    const closed = aCase({
      status: 'closed',
      version: 8,
      allowed_next_phases: [],
      closed_at: '2026-11-24T10:00:00Z',
      closure_reason: 'goals_achieved',
      closure_note: 'Borgeren klarer sig selv nu.',
    });
    api.handlers.push(
      route('GET', `/api/v1/cases/${ID}`, () => json(200, aCase(), { ETag: '"7"' })),
      route('POST', `/api/v1/cases/${ID}/close`, () => json(200, closed, { ETag: '"8"' })),
    );
    renderCase();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Luk sagen' }));
    expect(await screen.findByRole('link', { name: 'Vælg, hvorfor sagen lukkes' })).toBeTruthy();
    await u.selectOptions(screen.getByLabelText('Hvorfor lukkes sagen?'), 'goals_achieved');
    await u.click(screen.getByRole('button', { name: 'Luk sagen' }));

    expect(await screen.findByText('Sagen er lukket.')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"7"');
    expect(post.body).toEqual({ reason: 'goals_achieved' });
    expect(screen.getByText('Målene er nået')).toBeTruthy();
    expect(screen.getByText('Borgeren klarer sig selv nu.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Genåbn sagen' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Ret sagen' })).toBeNull();
    expect(screen.getByText('Sagen er lukket og kan ikke rykkes. Genåbn sagen først.')).toBeTruthy();
  });

  it('shows not found for a case that does not exist or belongs to another team', async () => {
    api.handlers.push(route('GET', `/api/v1/cases/${ID}`, () => problem(404, 'not-found')));
    renderCase();
    expect(await screen.findByText('Siden findes ikke, eller du har ikke adgang til den.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sag'));
  });
});
