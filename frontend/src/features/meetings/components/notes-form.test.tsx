import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@/lib/i18n';
import { json, problem, route, type Call } from '@/features/cases/components/list/fake-api';
import type { Meeting } from '../api/list-meetings';
import { NotesForm } from './notes-form';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });

const ID = 'b4090559-5d86-43a0-8877-206c328af7af';
const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: ID,
  case_id: 'c1',
  starts_at: '2026-11-01T07:00:00Z',
  form: 'office',
  place: 'Rådhuset',
  participants: [{ kind: 'citizen' }],
  agenda_sent: false,
  agenda: [],
  summary: '',
  agreements: [],
  status: 'planned',
  created_at: '2026-11-24T06:00:00Z',
  updated_at: '2026-11-24T06:00:00Z',
  version: 1,
  ...over,
});

function renderNotes() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <NotesForm meeting={{ data: meeting(), etag: '"1"' }} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const patches = () => api.calls.filter((c: Call) => c.method === 'PATCH');

beforeEach(() => api.reset());

describe('the meeting notes', () => {
  it('after a 412 offers the latest version, keeps what was typed and saves with the new ETag', async () => {
    api.handlers.push(
      route('PATCH', `/api/v1/meetings/${ID}`, (c) =>
        c.headers.get('If-Match') === '"2"'
          ? json(200, meeting({ version: 3, status: 'held', summary: 'Vi talte om bussen.' }), { ETag: '"3"' })
          : problem(412, 'precondition-failed', 'stale'),
      ),
      route('GET', `/api/v1/meetings/${ID}`, () => json(200, meeting({ version: 2, place: 'Biblioteket' }), { ETag: '"2"' })),
    );
    renderNotes();
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Kort referat', { exact: false }), 'Vi talte om bussen.');
    await u.click(screen.getByRole('button', { name: 'Gem noter' }));
    const stale = await screen.findByRole('alert');
    expect(stale.textContent).toContain('Mødet er blevet ændret');
    await waitFor(() => expect(document.activeElement).toBe(stale));
    await u.click(within(stale).getByRole('button', { name: 'Hent seneste version' }));
    await screen.findByText('Du ser nu den seneste version af mødet. Dine ændringer er ikke slettet.');
    expect((screen.getByLabelText('Kort referat', { exact: false }) as HTMLTextAreaElement).value).toBe('Vi talte om bussen.');
    await u.click(screen.getByRole('button', { name: 'Gem noter' }));
    await screen.findByText('Mødet er gemt.');
    expect(patches().map((c) => c.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
    // A planned meeting that has started is written up as held.
    expect(patches()[1]!.body).toEqual({ summary: 'Vi talte om bussen.', agreements: [], status: 'held' });
  });

  it('refuses "held" for a meeting that has not started, at the field and in the summary', async () => {
    const qc = new QueryClient();
    render(
      <I18nProvider lang="da">
        <QueryClientProvider client={qc}>
          <NotesForm meeting={{ data: meeting({ starts_at: '2099-01-01T10:00:00Z' }), etag: '"1"' }} />
        </QueryClientProvider>
      </I18nProvider>,
    );
    const u = userEvent.setup();
    expect((screen.getByLabelText('Planlagt') as HTMLInputElement).checked).toBe(true);
    await u.click(screen.getByLabelText('Holdt'));
    await u.click(screen.getByRole('button', { name: 'Gem noter' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Mødets status: Mødet kan først markeres som holdt, når det er begyndt.');
    expect(patches()).toHaveLength(0);
  });
});
