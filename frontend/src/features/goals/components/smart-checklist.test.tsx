// Component test: the guided SMART form calls POST /goals/check a little
// after the user stops typing (not per keystroke), and the live checklist
// goes from "Mangler" to "Opfyldt" with hints in plain Danish; making a goal
// active that the server refuses (422) shows the errors at the fields and in
// the summary. fetch (and Request, which cannot take relative URLs outside a
// browser) are stubbed before the API client is created, so the real client,
// middleware and hooks run.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Schemas } from '@/lib/api/client';
import { I18nProvider } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query-client';
import { GoalEditor } from './goal-editor';

type Route_ = (req: Request) => Response | Promise<Response>;

const server = vi.hoisted(() => {
  const routes = new Map<string, Route_>();
  const requests: { method: string; path: string; body: unknown }[] = [];
  const BaseRequest = globalThis.Request;
  class TestRequest extends BaseRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? new URL(input, 'http://localhost') : input, init);
    }
  }
  vi.stubGlobal('Request', TestRequest);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new TestRequest(input, init);
      const path = new URL(req.url).pathname;
      const text = req.method === 'GET' ? '' : await req.clone().text();
      requests.push({ method: req.method, path, body: text ? JSON.parse(text) : undefined });
      const route = routes.get(`${req.method} ${path}`);
      if (!route) return new Response(JSON.stringify({ type: 'not-found', title: 'Not Found', status: 404, detail: path }), { status: 404 });
      return route(req);
    }),
  );
  return { routes, requests };
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const CASE_ID = '22222222-2222-4222-8222-222222222222';
const GOAL_ID = '33333333-3333-4333-8333-333333333333';
const DREAM = { id: '44444444-4444-4444-8444-444444444444', text: 'At besøge min søster', kind: 'dream', expressed_by: 'citizen', recorded_at: '2026-10-01T10:00:00Z' } as const;
const CASE = { id: CASE_ID, status: 'open', dreams: [DREAM] } as unknown as Schemas['Case'];

// The server's check, in short (api/internal/goals/model.go).
function check(g: Schemas['GoalInput']): Schemas['SmartCheck'] {
  const c = (key: Schemas['SmartCriterion']['key'], met: boolean, hint_code: Schemas['SmartCriterion']['hint_code'], hint: string) =>
    met ? { key, met } : { key, met, hint_code, hint };
  const criteria = [
    c('specific', !!g.title && (g.specific ?? '').split(/\s+/).filter(Boolean).length >= 3, 'describe_change', 'Describe the change.'),
    g.measurable_indicator
      ? c('measurable', !!g.measurable_target, 'missing_target', 'Say what counts as reached.')
      : c('measurable', false, 'missing_indicator', 'Say what you will look at.'),
    g.achievable_steps
      ? c('achievable', !!g.achievable_resources, 'missing_resources', 'Write the resources.')
      : c('achievable', false, 'missing_steps', 'Write the first steps towards the goal.'),
    g.relevant ? c('relevant', !!(g.dream_id || g.parent_id), 'missing_dream', 'Choose the dream.') : c('relevant', false, 'missing_why', 'Write why.'),
    c('time_bound', !!g.target_date, 'missing_date', 'Choose a date by which the goal should be reached.'),
  ];
  return { met: criteria.every((x) => x.met), criteria };
}

function storedGoal(body: Schemas['GoalInput']): Schemas['Goal'] {
  return {
    id: GOAL_ID,
    case_id: CASE_ID,
    title: body.title,
    specific: body.specific ?? '',
    measurable_indicator: body.measurable_indicator ?? '',
    measurable_target: body.measurable_target ?? '',
    achievable_steps: body.achievable_steps ?? '',
    achievable_resources: body.achievable_resources ?? '',
    relevant: body.relevant ?? '',
    horizon: body.horizon ?? 'short',
    dream_id: body.dream_id,
    participants: body.participants ?? [],
    status: 'draft',
    allowed_next_statuses: ['active', 'discontinued'],
    progress: [],
    smart: check(body),
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    version: 1,
  };
}

beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
  server.routes.set('POST /api/v1/auth/refresh', () => json(200, { access_token: 'token', refresh_token: '', token_type: 'Bearer', expires_in: 900 }));
  server.routes.set(`POST /api/v1/cases/${CASE_ID}/goals/check`, async (req) => json(200, check(await req.json())));
  server.routes.set(`POST /api/v1/cases/${CASE_ID}/goals`, async (req) => json(201, storedGoal(await req.json()), { ETag: '"1"' }));
  server.routes.set(`POST /api/v1/goals/${GOAL_ID}/status`, () =>
    json(422, {
      type: 'https://bic.example/problems/validation',
      title: 'Validation failed',
      status: 422,
      detail: 'The goal is not SMART yet, so it cannot become active.',
      errors: [{ field: 'target_date', message: 'Choose a date by which the goal should be reached.' }],
    }),
  );
  server.routes.set(`GET /api/v1/cases/${CASE_ID}/goals`, () => json(200, { items: [] }));
  server.routes.set(`GET /api/v1/cases/${CASE_ID}`, () => json(200, CASE, { ETag: '"1"' }));
});

function renderEditor(initial?: { data: Schemas['Goal']; etag: string }) {
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={makeQueryClient()}>
        <MemoryRouter initialEntries={[`/sager/${CASE_ID}/maal/ny`]}>
          <Routes>
            <Route path="/sager/:id/maal/ny" element={<GoalEditor c={CASE} initial={initial} />} />
            <Route path="/sager/:id/maal/:goalId" element={<p>goal page</p>} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const checks = () => server.requests.filter((r) => r.path.endsWith('/goals/check'));
const item = (name: string) => within(screen.getByTestId('smart-check')).getByText(name).closest('li') as HTMLElement;

describe('the live SMART checklist', () => {
  it('checks as the user types, debounced, and shows each criterion going from missing to met', async () => {
    const user = userEvent.setup();
    renderEditor();

    // The first check runs at once, for the empty form.
    await waitFor(() => expect(within(screen.getByTestId('smart-check')).getByText('0 af 5 er opfyldt.')).toBeTruthy());
    const region = screen.getByTestId('smart-check');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(item('Målbart').textContent).toContain('Mangler');
    // The hint is in plain Danish and leads to the field.
    const hint = within(item('Målbart')).getByRole('link', {
      name: 'Skriv, hvad I vil holde øje med for at se, at det går fremad (fx ture med bussen om ugen).',
    });
    expect(hint.getAttribute('href')).toBe('#field-measurable_indicator');
    expect(checks()).toHaveLength(1);

    await user.type(screen.getByLabelText('Hvordan kan vi se, at det går fremad?'), 'Ture med bussen om ugen');
    await waitFor(() => expect(item('Målbart').textContent).toContain('Skriv, hvornår målet er nået'), { timeout: 3000 });
    await user.type(screen.getByLabelText('Hvornår er målet nået?'), 'To ture om ugen');
    await waitFor(() => expect(item('Målbart').textContent).toContain('Opfyldt'), { timeout: 3000 });
    expect(within(item('Målbart')).queryByRole('link')).toBeNull();
    // Two fields of some 40 keystrokes: a handful of checks, not one per key.
    expect(checks().length).toBeLessThanOrEqual(5);
    const last = checks().at(-1)!.body as Schemas['GoalInput'];
    expect(last).toMatchObject({ measurable_indicator: 'Ture med bussen om ugen', measurable_target: 'To ture om ugen', horizon: 'short' });

    await user.click(screen.getByLabelText(DREAM.text));
    await user.type(screen.getByLabelText('Hvorfor er det vigtigt for dig?'), 'Så kan jeg se min søster');
    await waitFor(() => expect(item('Relevant').textContent).toContain('Opfyldt'), { timeout: 3000 });
    expect(within(region).getByText('2 af 5 er opfyldt.')).toBeTruthy();
  });

  it('saves a draft, then shows the server’s refusal to make it active at the field and in the summary', async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.type(screen.getByLabelText('Hvad er målet?'), 'Tage bussen alene');
    await user.click(screen.getByLabelText(DREAM.text));
    await user.click(screen.getByRole('button', { name: 'Gør målet aktivt' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe(
      'Målet er gemt som kladde, men det kan ikke gøres aktivt endnu. Ret det, der mangler, og prøv igen.',
    );
    const link = within(summary).getByRole('link', { name: 'Hvornår skal målet være nået?: Vælg en dato, hvor målet skal være nået.' });
    expect(link.getAttribute('href')).toBe('#field-target_date');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const date = screen.getByLabelText('Hvornår skal målet være nået?');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('field-target_date-error')?.textContent).toContain('Vælg en dato, hvor målet skal være nået.');

    const create = server.requests.find((r) => r.method === 'POST' && r.path === `/api/v1/cases/${CASE_ID}/goals`);
    expect(create?.body).toMatchObject({ title: 'Tage bussen alene', dream_id: DREAM.id });
    const status = server.requests.find((r) => r.path.endsWith('/status'));
    expect(status?.body).toEqual({ status: 'active', reason: 'Målet er aftalt med borgeren.' });

    // The next attempt changes the draft instead of making another goal.
    server.routes.set(`PATCH /api/v1/goals/${GOAL_ID}`, async (req) => json(200, { ...storedGoal({ title: 'x' }), ...(await req.json()), version: 2 }, { ETag: '"2"' }));
    await user.type(screen.getByLabelText('Hvad er målet?'), ' til min søster');
    await user.click(screen.getByRole('button', { name: 'Gem som kladde' }));
    await screen.findByText('goal page');
    const posts = server.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/cases/${CASE_ID}/goals`);
    expect(posts).toHaveLength(1);
    expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ title: 'Tage bussen alene til min søster' });
  });
});

describe('editing a goal', () => {
  it('explains a 412, fetches the latest version on request, keeps what the user typed and saves with the new ETag', async () => {
    const user = userEvent.setup();
    const v1 = { ...storedGoal({ title: 'Tage bussen', measurable_target: 'To ture', dream_id: DREAM.id }), status: 'active' as const };
    const v2 = { ...v1, title: 'Tage bussen alene', version: 2 };
    let etag = '"1"';
    server.routes.set(`PATCH /api/v1/goals/${GOAL_ID}`, async (req) =>
      req.headers.get('If-Match') === etag
        ? json(200, { ...v2, ...(await req.json()), version: 3 }, { ETag: '"3"' })
        : json(412, { type: 'https://bic.example/problems/precondition-failed', title: 'Precondition Failed', status: 412, detail: 'stale', current_etag: etag }),
    );
    server.routes.set(`GET /api/v1/goals/${GOAL_ID}`, () => json(200, v2, { ETag: '"2"' }));
    renderEditor({ data: v1, etag: '"1"' });
    // An active goal is saved, not activated again.
    expect(screen.queryByRole('button', { name: 'Gør målet aktivt' })).toBeNull();

    etag = '"2"'; // someone else saved meanwhile
    const target = screen.getByLabelText('Hvornår er målet nået?');
    await user.clear(target);
    await user.type(target, 'Tre ture om ugen');
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    const stale = await screen.findByRole('alert');
    expect(stale.textContent).toContain('Målet er blevet ændret, mens du arbejdede');

    await user.click(within(stale).getByRole('button', { name: 'Hent den nyeste version' }));
    expect(await screen.findByText('Vi har hentet den nyeste version og beholdt dine ændringer. Se felterne igennem, og gem igen.')).toBeTruthy();
    expect((screen.getByLabelText('Hvad er målet?') as HTMLTextAreaElement).value).toBe('Tage bussen alene');
    expect((screen.getByLabelText('Hvornår er målet nået?') as HTMLTextAreaElement).value).toBe('Tre ture om ugen');

    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    await screen.findByText('goal page');
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.body)).toEqual([{ measurable_target: 'Tre ture om ugen' }, { measurable_target: 'Tre ture om ugen' }]);
  });
});
