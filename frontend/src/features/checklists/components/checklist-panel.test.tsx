import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { json, problem, route, type Call } from '@/features/cases/components/list/fake-api';
import { aCase } from '@/features/cases/components/form/fixtures';
import { I18nProvider } from '@/lib/i18n';
import { aChecklist } from '../fixtures';
import { ChecklistPanel } from './checklist-panel';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });
Element.prototype.scrollIntoView = vi.fn();

const CASE = aCase({ id: 'd9fb28e7-55cf-4f26-95c3-d420000f3077', phase: 'sagsaabning', allowed_next_phases: ['sagsoplysning'] });
const LIST = `/api/v1/cases/${CASE.id}/checklists`;
// sagsaabning: core P1, P4, P5, P6; optional P3, P8; other P2, P7.
const current = aChecklist('sagsaabning', { version: 4 }, { P1_HOPES: { status: 'applied', note: 'Talt om på mødet.', updated_at: '2026-11-20T09:00:00Z', updated_by_name: 'Ane Holm' } });
const earlier = aChecklist('opfoelgning', {
  id: 'e0000000-0000-4000-8000-000000000001',
  current: false,
  round: 2,
  state: 'complete',
  completion: { answered: 8, relevant: 8, percent: 100 },
});
const ITEM = `${LIST}/${current.id}`;

function renderPanel() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <ChecklistPanel c={CASE} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const group = (name: RegExp) => screen.getByRole('group', { name });
const patches = () => api.calls.filter((c: Call) => c.method === 'PATCH');

beforeEach(() => {
  api.reset();
});

describe('the checklist on the case page', () => {
  it('shows one row per principle, relevant first, the others folded away, with completion and help', async () => {
    api.handlers.push(route('GET', LIST, () => json(200, { items: [current, earlier] })));
    renderPanel();
    expect(await screen.findByText('1 af 6 relevante besvaret')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Principper i fasen' })).toBeTruthy();
    const rows = [...document.querySelectorAll('fieldset')];
    expect(rows.map((r) => r.querySelector('legend')!.textContent)).toEqual([
      '1. Tag udgangspunkt i borgernes håb, ønsker og drømme Kerne',
      '4. Mød borgerne med åbenhed, tillid og respekt Kerne',
      '5. Hjælp borgerne så tidligt som muligt Kerne',
      '6. Arbejd koordineret med borgernes samlede livssituation Kerne',
      '3. Inddrag borgernes netværk og de almene fællesskaber Valgfri',
      '8. Brug viden og metoder, der virker Valgfri',
      '2. Fokusér på borgernes ressourcer Øvrige',
      '7. Følg op, så indsatsen altid er den rette Øvrige',
    ]);
    // The other principles are folded away until asked for.
    const other = screen.getByRole('button', { name: 'Øvrige principper (2)' });
    expect(other.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: /^2\. Fokusér/ })).toBeNull();
    const u = userEvent.setup();
    await u.click(other);
    expect(other.getAttribute('aria-expanded')).toBe('true');
    expect(group(/^2\. Fokusér/)).toBeTruthy();

    // One row: the answers as one radio group, the saved answer checked, the note, who changed it.
    const p1 = group(/^1\. Tag udgangspunkt/);
    expect(within(p1).getAllByRole('radio').map((r) => r.nextSibling!.textContent)).toEqual([
      'Anvendt',
      'Delvist anvendt',
      'Ikke anvendt',
      'Ikke relevant nu',
      'Ikke besvaret endnu',
    ]);
    expect((within(p1).getByRole('radio', { name: 'Anvendt' }) as HTMLInputElement).checked).toBe(true);
    expect((within(p1).getByLabelText(/^Hvordan \/ hvorfor/) as HTMLTextAreaElement).value).toBe('Talt om på mødet.');
    expect(within(p1).getByText(/^Sidst ændret .* af Ane Holm$/)).toBeTruthy();

    // The reflection questions are one click away.
    const help = within(p1).getByRole('button', { name: /^Refleksionsspørgsmål/ });
    expect(help.getAttribute('aria-expanded')).toBe('false');
    const question = within(p1).getByText('Hvordan har I arbejdet med tag udgangspunkt i borgernes håb, ønsker og drømme?');
    expect(question.closest('[hidden]')).not.toBeNull();
    expect(document.getElementById(help.getAttribute('aria-controls')!)!.hidden).toBe(true);
    await u.click(help);
    expect(help.getAttribute('aria-expanded')).toBe('true');
    expect(question.closest('[hidden]')).toBeNull();

    // Earlier checklists, read-only.
    const history = screen.getByRole('table', { name: 'Tidligere tjeklister, nyeste først' });
    const row = within(history).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toBe('Opfølgning');
    expect(row.textContent).toContain('1. forløb, 2. opfølgning');
    expect(row.textContent).toContain('Færdig');
    expect(row.textContent).toContain('8 af 8');
    await u.click(within(row).getByRole('button', { name: /^Vis svar/ }));
    expect(screen.getByRole('list', { name: 'Svar i tjeklisten for Opfølgning, 1. forløb, 2. opfølgning' })).toBeTruthy();
  });

  it('asks for a note before sending "not applied", then saves every changed row in one PATCH with If-Match', async () => {
    api.handlers.push(
      route('GET', LIST, () => json(200, { items: [current] })),
      route('PATCH', ITEM, (c) => {
        const body = c.body as { items: { principle: string; status: string; note?: string }[] };
        const answers = Object.fromEntries(body.items.map((i) => [i.principle, { status: i.status, note: i.note ?? '' }]));
        return json(
          200,
          aChecklist('sagsaabning', { version: 5 }, { P1_HOPES: { status: 'applied', note: 'Talt om på mødet.' }, ...answers } as never),
          { ETag: '"5"' },
        );
      }),
    );
    renderPanel();
    const u = userEvent.setup();
    await screen.findByText('1 af 6 relevante besvaret');
    await u.click(within(group(/^4\. Mød borgerne/)).getByRole('radio', { name: 'Anvendt' }));
    const p5 = group(/^5\. Hjælp borgerne/);
    await u.click(within(p5).getByRole('radio', { name: 'Ikke anvendt' }));
    // The note is now required, and says so.
    const note5 = within(p5).getByLabelText('Hvordan / hvorfor') as HTMLTextAreaElement;
    expect(note5.required).toBe(true);
    expect(within(p5).getByText(/^Skal udfyldes: skriv, hvorfor/)).toBeTruthy();
    expect(screen.getByText('3 af 6 relevante besvaret')).toBeTruthy();
    expect(screen.getByText('Du har ændringer, der ikke er gemt.')).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const link = within(summary).getByRole('link', {
      name: 'Hjælp borgerne så tidligt som muligt: Skriv, hvorfor princippet ikke er anvendt eller ikke er relevant nu.',
    });
    expect(note5.getAttribute('aria-invalid')).toBe('true');
    expect(patches()).toHaveLength(0);
    await u.click(link);
    expect(document.activeElement).toBe(note5);

    await u.type(note5, 'Vi nåede det ikke på mødet.');
    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    expect(await screen.findByText('Tjeklisten er gemt. 3 af 6 relevante er besvaret.')).toBeTruthy();
    const patch = patches()[0]!;
    expect(patch.headers.get('If-Match')).toBe('"4"');
    expect(patch.body).toEqual({
      items: [
        { principle: 'P4_OPENNESS', status: 'applied' },
        { principle: 'P5_EARLY', status: 'not_applied', note: 'Vi nåede det ikke på mødet.' },
      ],
    });
    expect(screen.queryByText('Du har ændringer, der ikke er gemt.')).toBeNull();

    // Nothing changed since: nothing is sent.
    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    expect(await screen.findByText('Der er ingen ændringer at gemme.')).toBeTruthy();
    expect(patches()).toHaveLength(1);
  });

  it('shows the server’s field errors at the row they belong to', async () => {
    api.handlers.push(
      route('GET', LIST, () => json(200, { items: [current] })),
      route('PATCH', ITEM, () =>
        json(422, {
          type: 'https://bic.example/problems/validation',
          title: 'Invalid',
          status: 422,
          detail: 'The request has invalid fields.',
          errors: [{ field: 'items[1].note', message: 'must be at most 2000 characters' }],
        }),
      ),
    );
    renderPanel();
    const u = userEvent.setup();
    await screen.findByText('1 af 6 relevante besvaret');
    await u.click(within(group(/^4\. Mød borgerne/)).getByRole('radio', { name: 'Delvist anvendt' }));
    await u.type(within(group(/^6\. Arbejd koordineret/)).getByLabelText(/^Hvordan \/ hvorfor/), 'Aftalt med jobcentret.');
    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Arbejd koordineret med borgernes samlede livssituation: Teksten må højst være 2000 tegn.');
    expect(within(group(/^6\. Arbejd koordineret/)).getByLabelText(/^Hvordan \/ hvorfor/).getAttribute('aria-invalid')).toBe('true');
  });

  it('offers the latest version after a 412 and keeps what was typed', async () => {
    let version = 4;
    api.handlers.push(
      route('GET', LIST, () => json(200, { items: [current] })),
      route('GET', ITEM, () =>
        json(200, aChecklist('sagsaabning', { version: 6 }, { P1_HOPES: { status: 'applied' }, P6_COORDINATED: { status: 'applied' } }), { ETag: '"6"' }),
      ),
      route('PATCH', ITEM, (c) => {
        if (c.headers.get('If-Match') !== `"${version}"`) return problem(412, 'precondition-failed');
        return json(200, aChecklist('sagsaabning', { version: 7 }, { P4_OPENNESS: { status: 'applied' } }), { ETag: '"7"' });
      }),
    );
    renderPanel();
    const u = userEvent.setup();
    await screen.findByText('1 af 6 relevante besvaret');
    await u.click(within(group(/^4\. Mød borgerne/)).getByRole('radio', { name: 'Anvendt' }));
    version = 6; // someone else saved meanwhile
    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    expect(await screen.findByText('Tjeklisten er blevet ændret')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Hent seneste version' }));
    expect(await screen.findByText(/^Du ser nu den seneste version af tjeklisten/)).toBeTruthy();
    // Their answer is shown, and so is mine.
    expect((within(group(/^6\. Arbejd koordineret/)).getByRole('radio', { name: 'Anvendt' }) as HTMLInputElement).checked).toBe(true);
    expect((within(group(/^4\. Mød borgerne/)).getByRole('radio', { name: 'Anvendt' }) as HTMLInputElement).checked).toBe(true);
    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    expect(await screen.findByText(/^Tjeklisten er gemt\./)).toBeTruthy();
    expect(patches().map((c) => c.headers.get('If-Match'))).toEqual(['"4"', '"6"']);
    expect(patches()[1]!.body).toEqual({ items: [{ principle: 'P4_OPENNESS', status: 'applied' }] });
  });

  it('says so when the case was closed meanwhile (409)', async () => {
    api.handlers.push(
      route('GET', LIST, () => json(200, { items: [current] })),
      route('PATCH', ITEM, () => problem(409, 'conflict', 'The case is closed.')),
    );
    renderPanel();
    const u = userEvent.setup();
    await screen.findByText('1 af 6 relevante besvaret');
    await u.click(within(group(/^4\. Mød borgerne/)).getByRole('radio', { name: 'Anvendt' }));
    await u.click(screen.getByRole('button', { name: 'Gem tjekliste' }));
    expect(await screen.findByText('Sagen er lukket. Genåbn sagen, før du ændrer tjeklisten.')).toBeTruthy();
  });
});
