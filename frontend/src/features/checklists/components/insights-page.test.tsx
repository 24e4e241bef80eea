import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { json, route, type Call } from '@/features/cases/components/list/fake-api';
import { I18nProvider } from '@/lib/i18n';
import { anInsight } from '../fixtures';
import { DrilldownPage } from './drilldown-page';
import { InsightsPage } from './insights-page';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });

const TEAM = { id: '99a44380-7970-411f-848f-2be7eaf8a25e', name: 'Team Nord' };
const leader = { id: 'u9', name: 'Morten Kjærsgaard', email: 'l@x', role: 'leader', teams: [TEAM], active: true, created_at: '', updated_at: '' };

// P1 in sagsaabning: 12 of 20 applied; P3 in sagsaabning (optional): 3 checklists; P2 in sagsaabning: no role.
const insight = anInsight((code, phase) =>
  code === 'P3_NETWORK' && phase === 'sagsaabning' ? { n: 3, applied: 1 } : code === 'P1_HOPES' && phase === 'sagsaabning' ? { n: 20, applied: 12 } : { n: 10, applied: 9 },
);

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderAt(path: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/indsigt/principper" element={<InsightsPage />} />
            <Route path="/indsigt/principper/:principle/:phase" element={<DrilldownPage />} />
            <Route path="/sager/:id" element={<p>sagen</p>} />
          </Routes>
          <Where />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const row = (n: number) => ({
  case_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  team_id: TEAM.id,
  citizen_name: `Borger ${n}`,
  caseworker_name: 'Ane Holm',
  checklist_id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  iteration: 1,
  round: 1,
  applicability: 'core',
  status: n % 2 ? 'applied' : 'not_applied',
  updated_at: '2026-11-20T09:00:00Z',
});

beforeEach(() => {
  api.reset();
  api.handlers.push(route('GET', '/api/v1/me', () => json(200, leader)), route('GET', /^\/api\/v1\/insights\/principles(\?|$)/, () => json(200, insight)));
});

describe('the principle overview', () => {
  it('shows the heatmap with numbers, "For få" and "–", a legend, and the table alternative', async () => {
    renderAt('/indsigt/principper');
    const heatmap = await screen.findByRole('table', { name: 'Andel anvendt pr. princip og fase' });
    expect(screen.getByRole('heading', { level: 1, name: 'Principper i praksis' })).toBeTruthy();
    expect(within(heatmap).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Princip',
      'Sagsåbning',
      'Sagsoplysning',
      'Sagsvurdering',
      'Afgørelse',
      'Bestilling',
      'Opfølgning',
    ]);
    const rows = within(heatmap).getAllByRole('row');
    const p1 = rows[1]!;
    expect(within(p1).getByRole('rowheader').textContent).toBe('1. Tag udgangspunkt i borgernes håb, ønsker og drømme');
    const cells = within(p1).getAllByRole('cell');
    const link = within(cells[0]!).getByRole('link');
    expect(link.textContent).toBe('60\u00a0% anvendt af 20 tjeklister. Vis sagerne');
    expect(link.getAttribute('href')).toBe('/indsigt/principper/P1_HOPES/sagsaabning?from=2026-08-27&to=2026-11-24');
    expect(cells[0]!.className).toBe('heat-3');
    expect(cells[3]!.textContent).toBe('–Princippet har ikke en rolle i fasen');
    expect(within(cells[3]!).queryByRole('link')).toBeNull();
    const p3 = within(rows[3]!).getAllByRole('cell')[0]!;
    expect(within(p3).getByRole('link').textContent).toBe('For få tjeklister til at vise en andel: 3. Vis sagerne');
    expect(screen.getByText('Periode: 27. august 2026 – 24. november 2026. Alle mine teams.')).toBeTruthy();

    const u = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Vis tallene som tabel' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await u.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = screen.getByRole('table', { name: 'Svar pr. princip og fase i perioden, antal og andel' });
    const first = within(table).getAllByRole('row')[1]!;
    expect([...first.children].map((c) => c.textContent)).toEqual([
      '1. Tag udgangspunkt i borgernes håb, ønsker og drømme',
      'Sagsåbning',
      'Kerne',
      '20',
      '12 (60\u00a0%)',
      '0 (0\u00a0%)',
      '0 (0\u00a0%)',
      '0 (0\u00a0%)',
      '8 (40\u00a0%)',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 48);
  });

  it('puts a chosen period into the URL and asks the API for it; refuses an end before the start', async () => {
    renderAt('/indsigt/principper');
    const u = userEvent.setup();
    const from = (await screen.findByLabelText('Fra og med')) as HTMLInputElement;
    await waitFor(() => expect(from.value).toBe('2026-08-27'));
    const to = screen.getByLabelText('Til og med') as HTMLInputElement;
    await u.clear(to);
    await u.type(to, '2026-01-01');
    await u.click(screen.getByRole('button', { name: 'Vis oversigt' }));
    expect(await screen.findByRole('link', { name: 'Til-datoen må ikke ligge før fra-datoen.' })).toBeTruthy();

    await u.clear(to);
    await u.type(to, '2026-10-31');
    await u.selectOptions(screen.getByLabelText('Team'), TEAM.id);
    await u.click(screen.getByRole('button', { name: 'Vis oversigt' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(`/indsigt/principper?from=2026-08-27&to=2026-10-31&team_id=${TEAM.id}`));
    await waitFor(() =>
      expect(api.calls.some((c: Call) => c.path === `/api/v1/insights/principles?from=2026-08-27&to=2026-10-31&team_id=${TEAM.id}`)).toBe(true),
    );
  });

  it('drills down into a cell: the cases behind it, an answer filter and "Vis flere"', async () => {
    api.handlers.push(
      route('GET', /^\/api\/v1\/insights\/principles\/cases\?/, (c) => {
        const q = new URL(`http://x${c.path}`).searchParams;
        if (q.get('cursor') === 'next') return json(200, { items: [row(3)] });
        return json(200, { items: [row(1), row(2)], next_cursor: 'next' });
      }),
    );
    renderAt('/indsigt/principper/P1_HOPES/sagsaabning?from=2026-08-27&to=2026-11-24');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sager: Tag udgangspunkt i borgernes håb, ønsker og drømme' })).toBeTruthy();
    expect(screen.getByText('Fase: Sagsåbning. Periode: 27. august 2026 – 24. november 2026.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Tjeklister med princippet i fasen, senest ændret først' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('link', { name: 'Borger 1' }).getAttribute('href')).toBe(`/sager/${row(1).case_id}`);
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('Ikke anvendt');
    const first = api.calls.find((c: Call) => c.path.startsWith('/api/v1/insights/principles/cases'))!;
    expect(first.path).toBe('/api/v1/insights/principles/cases?limit=25&principle=P1_HOPES&phase=sagsaabning&from=2026-08-27&to=2026-11-24');

    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Vis flere' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(screen.getByText('Viser 3 tjeklister.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vis flere' })).toBeNull();

    await u.selectOptions(screen.getByLabelText('Vis kun'), 'not_applied');
    await u.click(screen.getByRole('button', { name: 'Vis sager' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/indsigt/principper/P1_HOPES/sagsaabning?from=2026-08-27&to=2026-11-24&status=not_applied'),
    );
    await waitFor(() => expect(api.calls.some((c: Call) => c.path.includes('status=not_applied'))).toBe(true));
    expect(screen.getByRole('link', { name: 'Tilbage til oversigten' }).getAttribute('href')).toBe('/indsigt/principper?from=2026-08-27&to=2026-11-24');
  });

  it('is for leaders only', async () => {
    api.handlers.unshift(route('GET', '/api/v1/me', () => json(200, { ...leader, role: 'caseworker' })));
    renderAt('/indsigt/principper');
    expect(await screen.findByText('Oversigten er kun for ledere.')).toBeTruthy();
    expect(api.calls.some((c: Call) => c.path.startsWith('/api/v1/insights'))).toBe(false);
  });
});
