import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/lib/i18n';
import CaseNewPage from '@/app/routes/case-new';
import CaseEditPage from '@/app/routes/case-edit';
import { aCase } from './fixtures';

// A fake API behind fetch. The API client keeps the fetch and Request it
// finds when it is created, so they are replaced before any import runs.
type Call = { method: string; path: string; headers: Headers; body: unknown };
type Handler = (call: Call) => Response | undefined;
const api = vi.hoisted(() => {
  const state = { handlers: [] as Handler[], calls: [] as Call[] };
  const Base = globalThis.Request;
  class LocalRequest extends Base {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input, init);
    }
  }
  vi.stubGlobal('Request', LocalRequest);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new LocalRequest(input, init);
    const url = new URL(req.url);
    const text = await req.text();
    const call: Call = { method: req.method, path: url.pathname + url.search, headers: req.headers, body: text ? JSON.parse(text) : undefined };
    if (url.pathname === '/api/v1/auth/refresh')
      return new Response(JSON.stringify({ access_token: 'tok', token_type: 'Bearer', expires_in: 900 }), { status: 200 });
    state.calls.push(call);
    for (const h of state.handlers) {
      const res = h(call);
      if (res) return res;
    }
    throw new Error(`unexpected ${call.method} ${call.path}`);
  });
  return state;
});
afterAll(() => vi.unstubAllGlobals());
vi.setConfig({ testTimeout: 20_000 }); // typing with user-event takes a while

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
const route = (method: string, path: string | RegExp, respond: (c: Call) => Response): Handler => (c) =>
  c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path)) ? respond(c) : undefined;

const team = { id: 't1', name: 'Team Nord', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const ane = {
  id: 'u1',
  name: 'Ane Holm',
  email: 'ane@bic.example',
  role: 'caseworker',
  active: true,
  teams: [{ id: 't1', name: 'Team Nord' }],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};
const staffRoutes = [route('GET', '/api/v1/teams', () => json(200, { items: [team] })), route('GET', /^\/api\/v1\/users\?/, () => json(200, { items: [ane] }))];

function renderAt(path: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/sager/ny" element={<CaseNewPage />} />
            <Route path="/sager/:id/rediger" element={<CaseEditPage />} />
            <Route path="/sager/:id" element={<p>Sagens side</p>} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

beforeEach(() => {
  api.handlers = [];
  api.calls = [];
  Element.prototype.scrollIntoView = vi.fn();
});

describe('creating a case', () => {
  it('shows the server’s field errors at their fields and in the summary, even when the client checks pass', async () => {
    api.handlers = [
      ...staffRoutes,
      route('POST', '/api/v1/cases', () =>
        json(422, {
          type: 'https://bic.example/problems/validation',
          title: 'Validation failed',
          status: 422,
          detail: 'The request has invalid fields.',
          errors: [
            { field: 'citizen.cpr', message: 'is not a valid CPR number (DDMMYY-SSSS)' },
            { field: 'dreams[0].text', message: 'contains a character that is not allowed' },
            { field: 'dreams[0].id', message: 'is used twice' },
          ],
        }),
      ),
    ];
    const user = userEvent.setup();
    renderAt('/sager/ny');

    await user.type(await screen.findByLabelText('Borgerens navn'), 'Karen Østergaard');
    await user.type(screen.getByLabelText('CPR-nummer'), '310290-1234');
    expect(screen.getByLabelText('Team')).toHaveProperty('value', 't1'); // the only team is preselected
    await user.selectOptions(screen.getByLabelText('Lovgrundlag'), 'sel_85');
    await user.selectOptions(screen.getByLabelText('Målgruppe'), 'autism');
    await user.click(screen.getByRole('button', { name: 'Tilføj drøm' }));
    const dream = screen.getByLabelText('Med borgerens egne ord');
    expect(document.activeElement).toBe(dream); // focus moves to the new row
    await user.type(dream, 'At få en hund');
    await user.click(screen.getByRole('button', { name: 'Opret sag' }));

    const summary = await screen.findByRole('alert', { name: 'Der er fejl i formularen' });
    const cpr = screen.getByLabelText('CPR-nummer');
    await waitFor(() => expect(cpr.getAttribute('aria-invalid')).toBe('true'));
    const cprError = document.getElementById(cpr.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!);
    expect(cprError?.textContent).toContain('Det er ikke et gyldigt CPR-nummer');
    expect(dream.getAttribute('aria-invalid')).toBe('true');

    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'CPR-nummer: Det er ikke et gyldigt CPR-nummer. Skriv det som DDMMÅÅ-XXXX, fx 010190-1234.',
      'Drøm 1, Med borgerens egne ord: Teksten indeholder et tegn, der ikke er tilladt.',
    ]);
    expect(within(summary).getByText(/Drøm 1: Det samme punkt står to gange/)).toBeTruthy(); // no field: summary only
    expect(document.activeElement).toBe(summary);
    await user.click(links[0]!);
    expect(document.activeElement).toBe(cpr);

    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({ team_id: 't1', citizen: { cpr: '310290-1234' }, dreams: [{ text: 'At få en hund' }] });
  });

  it('goes to the new case when the server has created it', async () => {
    api.handlers = [...staffRoutes, route('POST', '/api/v1/cases', () => json(201, aCase({ id: 'new1' }), { ETag: '"1"' }))];
    const user = userEvent.setup();
    renderAt('/sager/ny');
    await user.type(await screen.findByLabelText('Borgerens navn'), 'Karen Østergaard');
    await user.type(screen.getByLabelText('CPR-nummer'), '010190-1234');
    await user.selectOptions(screen.getByLabelText('Lovgrundlag'), 'sel_85');
    await user.selectOptions(screen.getByLabelText('Målgruppe'), 'autism');
    await user.click(screen.getByRole('button', { name: 'Opret sag' }));
    expect(await screen.findByText('Sagens side')).toBeTruthy();
  });

  it('names the row a remove button removes, then moves focus to the add button and announces the removal', async () => {
    api.handlers = [...staffRoutes];
    const user = userEvent.setup();
    renderAt('/sager/ny');
    await user.click(await screen.findByRole('button', { name: 'Tilføj drøm' }));
    await user.click(screen.getByRole('button', { name: 'Tilføj drøm' }));
    expect(screen.getByRole('button', { name: 'Fjern drøm 2' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tilføj drøm' }));
    expect(screen.getByRole('button', { name: 'Fjern drøm 3' })).toBeTruthy();
    await user.type(screen.getAllByLabelText('Med borgerens egne ord')[1]!, 'Den anden');
    await user.click(screen.getByRole('button', { name: 'Opret sag' })); // dreams 1 and 3 are empty
    await screen.findByRole('alert', { name: 'Der er fejl i formularen' });

    await user.click(screen.getByRole('button', { name: 'Fjern drøm 1' }));
    const texts = screen.getAllByLabelText('Med borgerens egne ord') as HTMLTextAreaElement[];
    expect(texts.map((e) => e.value)).toEqual(['Den anden', '']);
    // The error of the old third row moved up with it.
    expect(texts.map((e) => e.getAttribute('aria-invalid'))).toEqual([null, 'true']);
    // Focus goes to the add button (not to the error summary), and the removal is announced.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tilføj drøm' }));
    expect(screen.getByText('Drøm 1 er fjernet.')).toBeTruthy();
  });
});

describe('editing a case when someone else saved first', () => {
  function conflictServer() {
    let version = 3;
    const v3 = aCase();
    const v4 = aCase({ legal_basis: 'sel_107', version: 4 });
    api.handlers = [
      ...staffRoutes,
      route('GET', '/api/v1/cases/c1', () => (version === 3 ? json(200, v3, { ETag: '"3"' }) : json(200, v4, { ETag: '"4"' }))),
      route('PATCH', '/api/v1/cases/c1', (c) => {
        if (c.headers.get('If-Match') !== `"${version}"`)
          return json(412, {
            type: 'https://bic.example/problems/precondition-failed',
            title: 'Resource has changed',
            status: 412,
            detail: 'The case was changed by someone else.',
            current_etag: `"${version}"`,
          });
        return json(200, { ...v4, ...(c.body as object), version: 5 }, { ETag: '"5"' });
      }),
    ];
    return {
      someoneSaves: () => {
        version = 4;
      },
    };
  }

  it('keeps the typed text, explains what changed, and saves the user’s edits on top of the latest version', async () => {
    const srv = conflictServer();
    const user = userEvent.setup();
    renderAt('/sager/c1/rediger');

    const name = await screen.findByLabelText('Borgerens navn');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ret sagen om Karen Østergaard');
    await user.clear(name);
    await user.type(name, 'Karen Ø. Jensen');
    const dream = screen.getAllByLabelText('Med borgerens egne ord')[0]!;
    await user.type(dream, ' og heste');
    srv.someoneSaves();
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));

    const alert = await screen.findByRole('alert', { name: /Sagen er blevet ændret, mens du arbejdede/ });
    expect(alert.textContent).toContain('En anden har gemt ændringer i sagen');
    const change = (await screen.findByText('Lovgrundlag', { selector: 'strong' })).closest('li')!;
    expect(within(change).getByText('Før').nextElementSibling?.textContent).toBe('Serviceloven § 85');
    expect(within(change).getByText('Nu').nextElementSibling?.textContent).toBe('Serviceloven § 107');
    // Nothing typed is lost.
    expect((name as HTMLInputElement).value).toBe('Karen Ø. Jensen');
    expect((dream as HTMLTextAreaElement).value).toBe('At få et arbejde med dyr og heste');

    await user.click(screen.getByRole('button', { name: 'Brug den nyeste version og behold mine ændringer' }));
    expect((screen.getByLabelText('Borgerens navn') as HTMLInputElement).value).toBe('Karen Ø. Jensen');
    expect((screen.getByLabelText('Lovgrundlag') as HTMLSelectElement).value).toBe('sel_107');
    expect(screen.getByText(/Formularen bygger nu på den nyeste version/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    expect(await screen.findByText('Sagens side')).toBeTruthy();
    const patches = api.calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((p) => p.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
    expect(patches[1]!.body).toEqual({
      citizen: { name: 'Karen Ø. Jensen' },
      dreams: [
        { id: 'd1', text: 'At få et arbejde med dyr og heste', kind: 'dream', expressed_by: 'citizen' },
        { id: 'd2', text: 'At se min søster oftere', kind: 'wish', expressed_by: 'citizen' },
      ],
    });
  });

  it('can discard the user’s edits and show the latest version instead', async () => {
    const srv = conflictServer();
    const user = userEvent.setup();
    renderAt('/sager/c1/rediger');
    const name = await screen.findByLabelText('Borgerens navn');
    await user.type(name, ' X');
    srv.someoneSaves();
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    await user.click(await screen.findByRole('button', { name: 'Kassér mine ændringer' }));
    expect((screen.getByLabelText('Borgerens navn') as HTMLInputElement).value).toBe('Karen Østergaard');
    expect((screen.getByLabelText('Lovgrundlag') as HTMLSelectElement).value).toBe('sel_107');
    expect(screen.queryByRole('alert', { name: /Sagen er blevet ændret/ })).toBeNull();
  });

  it('says plainly when the case has been closed', async () => {
    api.handlers = [
      ...staffRoutes,
      route('GET', '/api/v1/cases/c1', () => json(200, aCase(), { ETag: '"3"' })),
      route('PATCH', '/api/v1/cases/c1', () =>
        json(409, { type: 'https://bic.example/problems/conflict', title: 'Conflict', status: 409, detail: 'The case is closed.' }),
      ),
    ];
    const user = userEvent.setup();
    renderAt('/sager/c1/rediger');
    await user.type(await screen.findByLabelText('Borgerens navn'), ' X');
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Sagen er lukket, så den kan ikke rettes.');
  });
});
