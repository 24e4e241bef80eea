import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { Schemas } from '@/lib/api/client';
import { I18nProvider } from '@/lib/i18n';
import { json, problem, route } from '@/features/cases/components/list/fake-api';
import CasesListPage from './cases-list';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });

const TEAM = '99a44380-7970-411f-848f-2be7eaf8a25e';
const ANE = 'd88d5ea0-3e2b-4fe8-beab-7ce5d1bc80f8';
const SOREN = '04b9958e-d946-4576-92b1-8e10e97d25fd';

function user(id: string, name: string, role: Schemas['User']['role']): Schemas['User'] {
  return {
    id,
    name,
    role,
    email: `${name.split(' ')[0]!.toLowerCase()}@bic.example`,
    active: true,
    teams: [{ id: TEAM, name: 'Team Nord' }],
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

function summary(over: Partial<Schemas['CaseSummary']>): Schemas['CaseSummary'] {
  return {
    id: 'cd17ab1b-44f1-49ec-8b50-f92b9c58aead',
    team_id: TEAM,
    caseworker: { id: ANE, name: 'Ane Holm' },
    citizen: { name: 'Brian Dahl', cpr: '821056-xxxx' },
    legal_basis: 'sel_85',
    target_group: 'cognitive_impairment',
    phase: 'opfoelgning',
    phase_iteration: 1,
    status: 'open',
    follow_up_cadence: 'every_4_months',
    next_follow_up_date: '2026-11-17',
    follow_up_overdue: false,
    opened_at: '2026-05-02T08:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    version: 6,
    ...over,
  };
}

const overdueCase = summary({ follow_up_overdue: true });
const fineCase = summary({
  id: '1eba44c4-91ca-4fee-9bb3-f9a4ed777fa8',
  citizen: { name: 'Camilla Bech', cpr: '611197-xxxx' },
  caseworker: { id: SOREN, name: 'Søren Dalby' },
  phase: 'sagsvurdering',
  next_follow_up_date: '2027-05-24',
});

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

let mySignals: Schemas['FeedbackSignal'][] = [];

function renderAt(path: string, role: Schemas['User']['role'] = 'caseworker') {
  api.handlers.push(
    route('GET', '/api/v1/me', () => json(200, user(ANE, 'Ane Holm', role))),
    // "Sager der kræver opmærksomhed" (features/feedback).
    route('GET', '/api/v1/signals?mine=true', () => json(200, { items: mySignals })),
    route('GET', /^\/api\/v1\/users\?/, () =>
      json(200, { items: [user(SOREN, 'Søren Dalby', 'caseworker'), user(ANE, 'Ane Holm', 'caseworker'), user('a1', 'Ada Analytiker', 'analyst')] }),
    ),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/sager" element={<CasesListPage />} />
          </Routes>
          <Where />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const listCalls = () => api.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/v1/cases'));

beforeEach(() => {
  api.reset();
  mySignals = [];
});

describe('case list', () => {
  it('shows the cases with an overdue badge in words, and announces the count', async () => {
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [overdueCase, fineCase] })));
    renderAt('/sager');

    const table = await screen.findByRole('table', { name: 'Sager' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'Brian Dahl' }).getAttribute('href')).toBe(`/sager/${overdueCase.id}`);
    expect(within(rows[1]!).getByText('Opfølgning overskredet')).toBeTruthy();
    expect(within(rows[1]!).getByText('821056-xxxx')).toBeTruthy();
    expect(within(rows[1]!).getByText('17. november 2026')).toBeTruthy();
    expect(within(rows[2]!).queryByText('Opfølgning overskredet')).toBeNull();
    expect(within(rows[2]!).getByText('Sagsvurdering')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((h) => h.getAttribute('scope'))).toEqual(Array(6).fill('col'));
    await waitFor(() => expect(screen.getByText('Viser 2 sager').getAttribute('aria-live')).toBe('polite'));
    expect(screen.getByRole('link', { name: 'Opret sag' }).getAttribute('href')).toBe('/sager/ny');
    expect(document.title).toBe('Sager – Borgeren i centrum');
  });

  it('lists the caseworker\'s cases that need attention, with the signal in plain words and a link to the case', async () => {
    mySignals = [
      {
        id: 's1',
        case_id: fineCase.id,
        meeting_id: 'm1',
        meeting_starts_at: '2026-11-17T09:00:00Z',
        kind: 'alliance',
        detail: 'SRS 28.0; low: relationship',
        raised_at: '2026-11-17T10:00:00Z',
        response: '',
        citizen_name: 'Camilla Bech',
        caseworker_name: 'Ane Holm',
      },
    ];
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [overdueCase, fineCase] })));
    renderAt('/sager');
    const panel = await screen.findByRole('region', { name: 'Sager der kræver opmærksomhed' });
    const row = within(panel).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: 'Gå til sagen for Camilla Bech' }).getAttribute('href')).toBe(`/sager/${fineCase.id}`);
    expect(within(row).getByText('Borgeren gav en lav SRS')).toBeTruthy();
    expect(within(row).getByText('17. november 2026')).toBeTruthy();
  });

  it('shows no attention panel when nothing needs attention', async () => {
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [overdueCase] })));
    renderAt('/sager');
    await screen.findByRole('table', { name: 'Sager' });
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/signals?mine=true')).toBe(true));
    expect(screen.queryByRole('region', { name: 'Sager der kræver opmærksomhed' })).toBeNull();
  });

  it('sends the filters from the URL and puts new ones back in the URL', async () => {
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [overdueCase] })));
    renderAt(`/sager?phase=opfoelgning&follow_up_overdue=true&caseworker_id=${ANE}`);
    await screen.findByRole('table');
    const first = new URL(listCalls()[0]!.path, 'http://x').searchParams;
    expect(Object.fromEntries(first)).toEqual({ phase: 'opfoelgning', follow_up_overdue: 'true', caseworker_id: ANE, sort: '-updated_at', limit: '50' });

    const u = userEvent.setup();
    expect((screen.getByLabelText('Vis kun sager, hvor opfølgningen er overskredet') as HTMLInputElement).checked).toBe(true);
    // Only caseworkers and leaders are offered.
    const cw = screen.getByLabelText('Rådgiver');
    expect(within(cw).getAllByRole('option').map((o) => o.textContent)).toEqual(['Alle rådgivere', 'Ane Holm', 'Søren Dalby']);
    await u.selectOptions(screen.getByLabelText('Status'), 'closed');
    await u.type(screen.getByLabelText(/Borgerens navn/), 'Brian');
    await u.click(screen.getByRole('button', { name: 'Vis sager' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        `/sager?phase=opfoelgning&status=closed&caseworker_id=${ANE}&follow_up_overdue=true&q=Brian`,
      ),
    );
    await waitFor(() => expect(listCalls().some((c) => c.path.includes('status=closed') && c.path.includes('q=Brian'))).toBe(true));
  });

  it('asks for at least two letters before searching by name', async () => {
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [] })));
    renderAt('/sager');
    await screen.findByText('Der er ingen sager, der passer til din søgning.');
    const u = userEvent.setup();
    await u.type(screen.getByLabelText(/Borgerens navn/), 'B');
    await u.click(screen.getByRole('button', { name: 'Vis sager' }));
    expect(await screen.findByRole('link', { name: 'Skriv mindst 2 bogstaver i navnet' })).toBeTruthy();
    expect(screen.getByLabelText(/Borgerens navn/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('where').textContent).toBe('/sager');
  });

  it('pages forward with next_cursor and back to the first page', async () => {
    api.handlers.push(
      route('GET', /^\/api\/v1\/cases\?(?!.*cursor=)/, () => json(200, { items: [overdueCase], next_cursor: 'page-2' })),
      route('GET', /^\/api\/v1\/cases\?.*cursor=page-2/, () => json(200, { items: [fineCase] })),
    );
    renderAt('/sager');
    const u = userEvent.setup();
    await screen.findByRole('link', { name: 'Brian Dahl' });
    expect(screen.queryByRole('button', { name: 'Forrige side' })).toBeNull();

    await u.click(screen.getByRole('button', { name: 'Næste side' }));
    await screen.findByRole('link', { name: 'Camilla Bech' });
    expect(screen.queryByRole('button', { name: 'Næste side' })).toBeNull();
    expect(screen.getByTestId('where').textContent).toBe('/sager'); // the cursor stays out of the URL
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('region'));

    await u.click(screen.getByRole('button', { name: 'Forrige side' }));
    await screen.findByRole('link', { name: 'Brian Dahl' });
    const calls = listCalls().map((c) => new URL(c.path, 'http://x').searchParams.get('cursor'));
    expect(calls.slice(0, 2)).toEqual([null, 'page-2']);
    expect(calls.at(-1)).toBeNull();
  });

  it('finds cases by CPR number in a POST body, never in the URL', async () => {
    api.handlers.push(
      route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [overdueCase, fineCase] })),
      route('POST', '/api/v1/cases/cpr-lookup', () => json(200, { items: [fineCase] })),
    );
    renderAt('/sager');
    await screen.findByRole('table', { name: 'Sager' });
    const u = userEvent.setup();
    const field = screen.getByLabelText('Find sag via CPR-nummer');
    await u.type(field, '611197-1234');
    await u.click(screen.getByRole('button', { name: 'Find sag' }));

    const table = await screen.findByRole('table', { name: 'Sager fundet via CPR-nummer' });
    expect(within(table).getAllByRole('link').map((a) => a.textContent)).toEqual(['Camilla Bech']);
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ cpr: '611197-1234', limit: 50 });
    expect(api.calls.every((c) => !c.path.includes('611197'))).toBe(true);
    expect(screen.getByTestId('where').textContent).toBe('/sager');
    expect((field as HTMLInputElement).value).toBe('');
    expect(screen.getByText('Viser 1 sag')).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Vis alle sager igen' }));
    expect(await screen.findByRole('table', { name: 'Sager' })).toBeTruthy();
  });

  it('checks the CPR number’s shape before sending it', async () => {
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => json(200, { items: [] })));
    renderAt('/sager');
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Find sag via CPR-nummer'), '6111');
    await u.click(screen.getByRole('button', { name: 'Find sag' }));
    expect(await screen.findByText('Skriv CPR-nummeret som 10 cifre, fx 010190-1234')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('tells analysts plainly that they have no access to cases', async () => {
    api.handlers.push(route('GET', /^\/api\/v1\/cases\?/, () => problem(403, 'forbidden')));
    renderAt('/sager', 'analyst');
    expect(await screen.findByText('Din rolle giver ikke adgang til det her.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sager' })).toBeTruthy();
  });
});
