import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@/lib/i18n';
import { json, route } from '@/features/cases/components/list/fake-api';
import type { Score } from '../api/get-fit';
import type { FitWording } from '../api/get-wording';
import { ScoreForm } from './score-form';

const api = await vi.hoisted(async () => (await import('@/features/cases/components/list/fake-api')).installFakeApi());
vi.setConfig({ testTimeout: 20_000 });

const MEETING = 'b4090559-5d86-43a0-8877-206c328af7af';
const wording = {
  lang: 'da',
  licensed: false,
  ors: ['Mig selv', 'Mine nære relationer', 'Arbejde, skole og fritid', 'Livet i det hele taget'],
  srs: ['Jeg følte mig hørt', 'Vi talte om det, jeg ville', 'Måden passede mig', 'Mødet i det hele taget'],
  ors_anchor: ['Dårligt', 'Godt'],
  srs_anchor: ['Slet ikke', 'Helt'],
  ors_intro: '',
  srs_intro: '',
  questions: { meeting_ok: '', talked_about: '', different_next_time: '', topics: '' },
} satisfies FitWording;

function renderForm(onSaved = vi.fn()) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <I18nProvider lang="da">
      <QueryClientProvider client={qc}>
        <ScoreForm scale="ors" meetingId={MEETING} wording={wording} raters={['citizen', 'relative', 'provider']} onSaved={onSaved} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return onSaved;
}

beforeEach(() => api.reset());

describe('entering an ORS with the citizen', () => {
  it('names every line without a mark, then sends the four items with one decimal', async () => {
    const saved = { id: 's1', total: 19.8 } as Score;
    api.handlers.push(route('POST', `/api/v1/meetings/${MEETING}/ors`, () => json(201, saved)));
    const onSaved = renderForm();
    const u = userEvent.setup();

    await u.click(screen.getByRole('button', { name: 'Gem ORS' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Sæt et mærke på linjen for "Mig selv".',
      'Sæt et mærke på linjen for "Mine nære relationer".',
      'Sæt et mærke på linjen for "Arbejde, skole og fritid".',
      'Sæt et mærke på linjen for "Livet i det hele taget".',
    ]);
    expect(screen.getByRole('slider', { name: 'Mig selv' }).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toHaveLength(0);

    // Keyboard: Home puts 0, PageUp adds a point, → a tenth.
    const marks: [string, string[]][] = [
      ['Mig selv', ['{Home}', ...Array(6).fill('{PageUp}'), ...Array(4).fill('{ArrowRight}')]],
      ['Mine nære relationer', ['{Home}', ...Array(5).fill('{PageUp}')]],
      ['Arbejde, skole og fritid', ['{Home}', ...Array(3).fill('{PageUp}'), ...Array(3).fill('{ArrowRight}')]],
      ['Livet i det hele taget', ['{Home}', ...Array(5).fill('{PageUp}'), '{ArrowRight}']],
    ];
    for (const [name, keys] of marks) {
      screen.getByRole('slider', { name }).focus();
      await u.keyboard(keys.join(''));
    }
    expect(screen.getByText('I alt indtil nu: 19,8 af 40')).toBeTruthy();
    await u.selectOptions(screen.getByLabelText('Hvem svarer?'), 'relative');
    await u.click(screen.getByRole('button', { name: 'Gem ORS' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.calls[0]!.body).toEqual({ rater: 'relative', items: { individually: 6.4, interpersonally: 5, socially: 3.3, overall: 5.1 } });
  });

  it('says to correct instead when the rater has answered already (409)', async () => {
    api.handlers.push(
      route('POST', `/api/v1/meetings/${MEETING}/ors`, () =>
        json(409, { type: 'https://bic.example/problems/already-answered', title: 'Already answered', status: 409, detail: 'This meeting already has an ORS from the citizen. Correct it, with a reason, instead.' }),
      ),
    );
    renderForm();
    const u = userEvent.setup();
    for (const name of wording.ors) {
      screen.getByRole('slider', { name }).focus();
      await u.keyboard('{End}');
    }
    await u.click(screen.getByRole('button', { name: 'Gem ORS' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Borgeren har allerede svaret på ORS til mødet. Ret svaret i stedet.');
  });

  it('puts the server\u2019s field errors at their lines', async () => {
    api.handlers.push(
      route('POST', `/api/v1/meetings/${MEETING}/ors`, () =>
        json(422, { type: 'x', title: 'Invalid', status: 422, errors: [{ field: 'items.overall', message: 'must be from 0.0 to 10.0' }] }),
      ),
    );
    renderForm();
    const u = userEvent.setup();
    for (const name of wording.ors) {
      screen.getByRole('slider', { name }).focus();
      await u.keyboard('{End}');
    }
    await u.click(screen.getByRole('button', { name: 'Gem ORS' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Livet i det hele taget: must be from 0.0 to 10.0');
    expect(screen.getByRole('slider', { name: 'Livet i det hele taget' }).getAttribute('aria-invalid')).toBe('true');
  });
});
