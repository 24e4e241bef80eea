// Component test: the "Opret bruger" form shows a 409 duplicate email at the
// email field and in the error summary. fetch (and Request, which cannot take
// relative URLs outside a browser) are stubbed before the API client is
// created, so the real client, middleware and hooks run.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query-client';
import { UsersPage } from './components/users-page';

type Route = (req: Request) => Response | Promise<Response>;

const server = vi.hoisted(() => {
  const routes = new Map<string, Route>();
  const requests: Request[] = [];
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
      requests.push(req.clone());
      const key = `${req.method} ${new URL(req.url).pathname}`;
      const route = routes.get(key);
      if (!route) return new Response(JSON.stringify({ type: 'not-found', title: 'Not Found', status: 404, detail: key }), { status: 404 });
      return route(req);
    }),
  );
  return { routes, requests };
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const TEAM = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: 'Team Nord', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' };
const ADMIN = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'admin@bic.example',
  name: 'Karin Vestergaard',
  role: 'admin',
  teams: [],
  active: true,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
  server.routes.set('POST /api/v1/auth/refresh', () => json(200, { access_token: 'token', refresh_token: '', token_type: 'Bearer', expires_in: 900 }));
  server.routes.set('GET /api/v1/me', () => json(200, ADMIN));
  server.routes.set('GET /api/v1/users', () => json(200, { items: [ADMIN] }));
  server.routes.set('GET /api/v1/teams', () => json(200, { items: [TEAM] }));
  server.routes.set('POST /api/v1/users', () =>
    json(409, {
      type: 'https://bic.example/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'A user with this email already exists.',
      instance: 'urn:request:abc',
      errors: [{ field: 'email', message: 'is already in use' }],
    }),
  );
});

function renderPage() {
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={makeQueryClient()}>
        <MemoryRouter initialEntries={['/admin/brugere']}>
          <UsersPage />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('Opret bruger', () => {
  it('shows a duplicate email (409) at the email field and in the error summary', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Brugere' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Brugere' });

    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    const heading = screen.getByRole('heading', { level: 2, name: 'Opret bruger' });
    expect(document.activeElement).toBe(heading);

    await user.type(screen.getByLabelText('E-mail'), 'admin@bic.example');
    await user.type(screen.getByLabelText('Navn'), 'Ny Kollega');
    await user.selectOptions(screen.getByLabelText('Rolle'), 'Rådgiver');
    const teams = screen.getByRole('group', { name: 'Teams' });
    await user.click(within(teams).getByLabelText('Team Nord'));
    await user.type(screen.getByLabelText('Adgangskode'), 'en-lang-adgangskode');
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));

    const message = 'Der findes allerede en bruger med den e-mail.';
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'Der er fejl i formularen' })).toBeTruthy();
    const link = within(summary).getByRole('link', { name: message });
    expect(link.getAttribute('href')).toBe('#field-email');
    await waitFor(() => expect(document.activeElement).toBe(summary));

    const email = screen.getByLabelText('E-mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain('field-email-error');
    expect(document.getElementById('field-email-error')?.textContent).toContain(message);
    // What was typed stays.
    expect((email as HTMLInputElement).value).toBe('admin@bic.example');

    const post = server.requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/users'));
    expect(post?.headers.get('Authorization')).toBe('Bearer token');
    expect(await post?.json()).toEqual({
      email: 'admin@bic.example',
      name: 'Ny Kollega',
      role: 'caseworker',
      team_ids: [TEAM.id],
      password: 'en-lang-adgangskode',
    });
  });
});
