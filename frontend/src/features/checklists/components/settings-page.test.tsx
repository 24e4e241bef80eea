import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { json, problem, route, type Call } from '@/features/cases/components/list/fake-api';
import { I18nProvider } from '@/lib/i18n';
import { SettingsPage } from './settings-page';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });

const admin = { id: 'u1', name: 'Karin Vestergaard', email: 'a@x', role: 'admin', teams: [], active: true, created_at: '', updated_at: '' };

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <MemoryRouter>
          <SettingsPage />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const patches = () => api.calls.filter((c: Call) => c.method === 'PATCH');

beforeEach(() => {
  api.reset();
  api.handlers.push(route('GET', '/api/v1/me', () => json(200, admin)));
});

describe('the settings page', () => {
  it('explains the two phase-gate modes and saves the choice with If-Match', async () => {
    let saved = { phase_gate: 'warn', version: 1 } as Record<string, unknown>;
    api.handlers.push(
      route('GET', '/api/v1/settings', () => json(200, saved, { ETag: `"${saved.version}"` })),
      route('PATCH', '/api/v1/settings', (c) => {
        saved = { ...(c.body as object), version: 2, updated_at: '2026-11-24T10:00:00Z', updated_by_name: 'Karin Vestergaard' };
        return json(200, saved, { ETag: '"2"' });
      }),
    );
    renderPage();
    const group = await screen.findByRole('group', { name: /tjeklisten mangler svar på kerneprincipper/ });
    expect((within(group).getByRole('radio', { name: 'Advar rådgiveren' }) as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByText(/^Sagen kan ikke rykkes videre, før alle kerneprincipper/)).toBeTruthy();
    expect(screen.getByText('Indstillingerne er ikke ændret endnu.')).toBeTruthy();
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Gem indstillinger' }));
    expect(await screen.findByText('Der er ingen ændringer at gemme.')).toBeTruthy();
    expect(patches()).toHaveLength(0);

    await u.click(within(group).getByRole('radio', { name: 'Kræv svar først' }));
    await u.click(screen.getByRole('button', { name: 'Gem indstillinger' }));
    expect(await screen.findByText('Indstillingerne er gemt.')).toBeTruthy();
    expect(patches()[0]!.headers.get('If-Match')).toBe('"1"');
    expect(patches()[0]!.body).toEqual({ phase_gate: 'require' });
    expect(screen.getByText(/^Sidst ændret .* af Karin Vestergaard\.$/)).toBeTruthy();
    expect((within(group).getByRole('radio', { name: 'Kræv svar først' }) as HTMLInputElement).checked).toBe(true);
  });

  it('offers the latest version after a 412 and keeps the choice', async () => {
    let version = 1;
    api.handlers.push(
      route('GET', '/api/v1/settings', () => json(200, { phase_gate: 'warn', version }, { ETag: `"${version}"` })),
      route('PATCH', '/api/v1/settings', (c) =>
        c.headers.get('If-Match') === '"3"' ? json(200, { phase_gate: 'require', version: 4 }, { ETag: '"4"' }) : problem(412, 'precondition-failed'),
      ),
    );
    renderPage();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('radio', { name: 'Kræv svar først' }));
    version = 3;
    await u.click(screen.getByRole('button', { name: 'Gem indstillinger' }));
    expect(await screen.findByText('Indstillingerne er blevet ændret')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: /version/ }));
    expect(await screen.findByText('Du ser nu de seneste indstillinger. Dit valg er ikke slettet.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Kræv svar først' }) as HTMLInputElement).checked).toBe(true);
    await u.click(screen.getByRole('button', { name: 'Gem indstillinger' }));
    expect(await screen.findByText('Indstillingerne er gemt.')).toBeTruthy();
    expect(patches().map((c) => c.headers.get('If-Match'))).toEqual(['"1"', '"3"']);
  });

  it('is for administrators only', async () => {
    api.handlers.unshift(route('GET', '/api/v1/me', () => json(200, { ...admin, role: 'caseworker' })));
    renderPage();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(api.calls.some((c: Call) => c.path === '/api/v1/settings')).toBe(false);
  });
});
