// Component test: "Min plan" renders the citizen's plan with every section,
// in plain words, with a title that names neither the citizen nor a CPR
// number, and with no CPR-like number anywhere on the page.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query-client';
import CasePlanPage from '@/app/routes/case-plan';

const server = await vi.hoisted(async () => (await import('./test-server')).installTestServer());
const { json, token } = await import('./test-server');

const CASE_ID = '5e0f2a55-1b7c-4a8e-9c1d-2f3e4a5b6c7d';
const PLAN = {
  citizen_name: 'Sofie Mikkelsen',
  caseworker_name: 'Ane Holm',
  dreams: ['Jeg vil gerne bage boller med min nevø'],
  goals: [
    {
      id: 'a1111111-1111-4111-8111-111111111111',
      title: 'Tage bussen alene til min søster',
      what_changes: 'Jeg kan besøge min søster, når jeg vil.',
      next_steps: 'Øve turen én gang med støtte.',
      participants: [
        { kind: 'citizen', task: 'Køber et rejsekort' },
        { kind: 'caseworker', task: 'Finder en støtteperson' },
      ],
      target_date: '2027-06-30',
      citizen_latest: 6,
      caseworker_latest: 7,
      dream: 'Jeg vil gerne bage boller med min nevø',
      sub_goals: [
        {
          id: 'b2222222-2222-4222-8222-222222222222',
          title: 'Finde bussens køreplan',
          what_changes: '',
          next_steps: 'Kigge i appen sammen',
          participants: [],
        },
      ],
    },
  ],
  reached: [
    {
      id: 'c3333333-3333-4333-8333-333333333333',
      title: 'Stå op kl. 8 på hverdage',
      what_changes: '',
      next_steps: '',
      participants: [],
      what_now: 'Vi laver et nyt mål om arbejde',
    },
  ],
  next_meeting: '2027-02-24',
  contact: {
    meeting_formats: ['walk_and_talk'],
    meeting_places: ['cafe_public_place'],
    times_of_day: ['morning'],
    media: ['sms'],
    preferred_frequency: 'every_2_weeks',
  },
  agreements: ['Du hører fra os inden for en uge, når du har skrevet.'],
};

function renderPlan() {
  server.routes.set('POST /api/v1/auth/refresh', () => token());
  server.routes.set(`GET /api/v1/cases/${CASE_ID}/plan`, () => json(200, PLAN));
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={makeQueryClient()}>
        <MemoryRouter initialEntries={[`/sager/${CASE_ID}/min-plan`]}>
          <Routes>
            <Route path="/sager/:id/min-plan" element={<CasePlanPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('Min plan', () => {
  it('shows every section in plain words and no CPR number', async () => {
    renderPlan();
    expect(screen.getByRole('heading', { level: 1, name: 'Min plan' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Mine drømme' });
    expect(document.title).toBe('Min plan – Borgeren i centrum');

    for (const name of [
      'Mine drømme',
      'Mine mål og næste skridt',
      'Det har jeg nået',
      'Hvornår ses vi næste gang',
      'Sådan holder vi kontakt',
      'Det har vi aftalt',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }

    const goals = screen.getByRole('region', { name: 'Mine mål og næste skridt' });
    const goal = within(goals).getByRole('article', { name: 'Tage bussen alene til min søster' });
    expect(within(goal).getByText('Du har vurderet: 6 ud af 10')).toBeTruthy();
    expect(within(goal).getByText('Din rådgiver har vurderet: 7 ud af 10')).toBeTruthy();
    expect(within(goal).getByText('Inden 30. juni 2027')).toBeTruthy();
    expect(within(goal).getByText('Dig')).toBeTruthy();
    expect(within(goal).getByRole('heading', { level: 4, name: 'Finde bussens køreplan' })).toBeTruthy();

    const reached = screen.getByRole('region', { name: 'Det har jeg nået' });
    expect(within(reached).getByText('Vi laver et nyt mål om arbejde')).toBeTruthy();
    expect(within(reached).getByText(/stopper din støtte ikke af sig selv/)).toBeTruthy();

    expect(within(screen.getByRole('region', { name: 'Hvornår ses vi næste gang' })).getByText('onsdag den 24. februar 2027')).toBeTruthy();
    const contact = screen.getByRole('region', { name: 'Sådan holder vi kontakt' });
    for (const words of ['Gå-tur-samtale', 'Café eller andet offentligt sted', 'Morgen', 'Sms', 'Hver anden uge']) {
      expect(within(contact).getByText(words)).toBeTruthy();
    }
    expect(within(screen.getByRole('region', { name: 'Det har vi aftalt' })).getByText(PLAN.agreements[0]!)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();

    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/\d{6}-?\d{4}/);
    // No internal words: codes, phase names, paragraphs of law, method names.
    expect(text).not.toMatch(/walk_and_talk|every_2_weeks|SMART|§|Opfølgning|Sagsvurdering|GAS/);
    expect(document.title).not.toContain('Sofie');
  });
});
