// Component test: the follow-up form reviews only the goals being worked on;
// a server 422 for `items[1].reason` is shown at that goal's reason field and
// in the error summary; a saved review goes back to the case page.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { I18nProvider } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query-client';
import CaseFollowUpPage from '@/app/routes/case-followup';
import { isoDate } from './followup-model';

const server = await vi.hoisted(async () => (await import('../plan/test-server')).installTestServer());
const { json, token } = await import('../plan/test-server');

const CASE_ID = '5e0f2a55-1b7c-4a8e-9c1d-2f3e4a5b6c7d';
const base = {
  case_id: CASE_ID,
  horizon: 'short',
  specific: '',
  measurable_indicator: '',
  measurable_target: '',
  achievable_steps: '',
  achievable_resources: '',
  relevant: '',
  participants: [],
  allowed_next_statuses: [],
  smart: { met: true, criteria: [] },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 2,
};
const BUS = {
  ...base,
  id: 'a1111111-1111-4111-8111-111111111111',
  title: 'Tage bussen alene',
  status: 'active',
  progress: [{ rater: 'citizen', first: 3, first_on: '2026-10-01', latest: 5, latest_on: '2026-11-01', change: 2, count: 2 }],
};
const COOK = {
  ...base,
  id: 'b2222222-2222-4222-8222-222222222222',
  title: 'Lave aftensmad selv',
  status: 'adjusted',
  progress: [],
  gas_levels: { minus2: 'Aldrig', minus1: 'Sjældent', zero: 'En gang om ugen', plus1: 'To gange', plus2: 'Hver dag' },
};
const DRAFT = { ...base, id: 'c3333333-3333-4333-8333-333333333333', title: 'Kladde-mål', status: 'draft', progress: [] };
const CASE = {
  id: CASE_ID,
  citizen: { name: 'Sofie Mikkelsen', cpr: '010190-xxxx' },
  status: 'open',
  version: 3,
};

function Where() {
  const l = useLocation();
  return <p data-testid="where">{`${l.pathname} ${JSON.stringify(l.state)}`}</p>;
}

function renderPage(goals: unknown[] = [BUS, COOK, DRAFT]) {
  server.routes.set('POST /api/v1/auth/refresh', () => token());
  server.routes.set(`GET /api/v1/cases/${CASE_ID}`, () => json(200, CASE, { ETag: '"3"' }));
  server.routes.set(`GET /api/v1/cases/${CASE_ID}/goals`, () => json(200, { items: goals }));
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={makeQueryClient()}>
        <MemoryRouter initialEntries={[`/sager/${CASE_ID}/opfoelgning`]}>
          <Routes>
            <Route path="/sager/:id/opfoelgning" element={<CaseFollowUpPage />} />
            <Route path="/sager/:id" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const inDays = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return isoDate(d);
};

describe('Opfølgning', () => {
  it('shows a server error for items[1].reason at that goal’s reason field, then saves', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Opfølgning' })).toBeTruthy();
    const bus = await screen.findByRole('group', { name: 'Tage bussen alene' });
    const cook = screen.getByRole('group', { name: 'Lave aftensmad selv' });
    expect(screen.queryByRole('group', { name: 'Kladde-mål' })).toBeNull();
    expect(document.title).toBe('Opfølgning – Borgeren i centrum');
    expect((screen.getByLabelText('Hvornår blev opfølgningen holdt?') as HTMLInputElement).value).toBe(isoDate(new Date()));

    await user.selectOptions(within(bus).getByLabelText(/Borgerens vurdering \(1–10\)/), '6');
    await user.selectOptions(within(bus).getByLabelText(/Rådgiverens vurdering \(1–10\)/), '7');
    // GAS levels with the goal's own texts, only on the goal that has them.
    expect(within(bus).queryByRole('group', { name: /fem niveauer/ })).toBeNull();
    const gas = within(cook).getByRole('group', { name: /fem niveauer/ });
    await user.click(within(gas).getByLabelText('+1 Mere end forventet'));
    expect(within(gas).getByText('To gange')).toBeTruthy();
    await user.click(within(cook).getByLabelText('Afslut målet'));
    await user.click(within(cook).getByLabelText('Nået'));
    expect(within(cook).getByText(/betyder ikke i sig selv, at støtten stopper/)).toBeTruthy();
    await user.type(within(cook).getByLabelText('Hvorfor afsluttes målet?'), 'Hun laver mad hver dag');
    await user.click(within(cook).getByLabelText('Et nyt mål'));
    await user.type(within(cook).getByLabelText('Hvad har I aftalt?'), 'Nyt mål om at handle ind');
    await user.type(screen.getByLabelText('Dato for næste opfølgning'), inDays(90));

    let posted: unknown;
    server.routes.set(`POST /api/v1/cases/${CASE_ID}/follow-ups`, async (req) => {
      posted = await req.json();
      return json(422, {
        type: 'https://bic.example/problems/validation',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'Some fields are invalid.',
        errors: [{ field: 'items[1].reason', message: 'must be at most 4000 characters' }],
      });
    });
    await user.click(screen.getByRole('button', { name: 'Gem opfølgning' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Lave aftensmad selv: Teksten må højst være 4000 tegn.' });
    expect(link.getAttribute('href')).toBe('#field-items-1-reason');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const reason = within(cook).getByLabelText('Hvorfor afsluttes målet?');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('field-items-1-reason-error')?.textContent).toContain('Teksten må højst være 4000 tegn.');
    expect(posted).toEqual({
      held_on: isoDate(new Date()),
      next_follow_up_date: inDays(90),
      items: [
        { goal_id: BUS.id, decision: 'keep', citizen_value: 6, caseworker_value: 7 },
        {
          goal_id: COOK.id,
          decision: 'end',
          gas_level: 1,
          reason: 'Hun laver mad hver dag',
          end_status: 'achieved',
          next_step_kind: 'new_goal',
          next_step_note: 'Nyt mål om at handle ind',
        },
      ],
    });

    server.routes.set(`POST /api/v1/cases/${CASE_ID}/follow-ups`, () =>
      json(201, { id: 'f', case_id: CASE_ID, held_on: isoDate(new Date()), next_follow_up_date: inDays(90), items: [], by: 'Ane', created_at: '' }),
    );
    await user.click(screen.getByRole('button', { name: 'Gem opfølgning' }));
    const where = await screen.findByTestId('where');
    expect(where.textContent).toBe(`/sager/${CASE_ID} {"followUpSaved":"${inDays(90)}"}`);
  }, 20_000);

  it('says so when no goal is being worked on', async () => {
    renderPage([DRAFT]);
    expect(await screen.findByText('Der er ingen mål, der arbejdes med')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gem opfølgning' })).toBeNull();
  });
});
