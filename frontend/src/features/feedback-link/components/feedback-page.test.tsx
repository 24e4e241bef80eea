// The citizen's page: greeting with first name and date only, one part at a
// time, the client-side check of the four marks, the submission id kept when
// the citizen sends again after a lost connection, 409 taken as answered,
// the thank-you, a dead link, and ?lang=en.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query-client';
import { da, en } from '../messages';

const server = await vi.hoisted(async () => (await import('../../goals/components/plan/test-server')).installTestServer());
const { json } = await import('../../goals/components/plan/test-server');
const { default: FeedbackLinkRoute } = await import('@/app/routes/feedback-link');
const { RETRY_DELAYS } = await import('../api/submit-part');

RETRY_DELAYS.splice(0, RETRY_DELAYS.length, 1, 1);

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const wording = (lang: 'da' | 'en') => ({
  lang,
  licensed: false,
  ors: lang === 'da' ? ['Mig selv', 'Mine nære relationer', 'Arbejde, skole og fritid', 'Livet i det hele taget'] : ['Myself', 'My close relationships', 'Work, school and free time', 'Life as a whole'],
  srs: ['Jeg følte mig hørt', 'Vi talte om det, jeg ville', 'Måden passede mig', 'Mødet i det hele taget'],
  ors_anchor: lang === 'da' ? ['Dårligt', 'Godt'] : ['Poorly', 'Well'],
  srs_anchor: ['Slet ikke', 'Helt'],
  ors_intro: lang === 'da' ? 'Hvordan har du haft det den seneste uge?' : 'How have you been this past week?',
  srs_intro: 'Hvordan var mødet i dag?',
  questions: { meeting_ok: 'Var mødet okay?', talked_about: 'Talte vi nok?', different_next_time: 'Anderledes?', topics: 'Emner?' },
});
const VIEW = (lang: 'da' | 'en' = 'da') => ({
  first_name: 'Nanna',
  meeting_date: '2026-11-24',
  expires_at: '2026-11-25T10:00:00Z',
  parts: [
    { part: 'srs', done: false },
    { part: 'ors', done: false },
  ],
  wording: wording(lang),
});

async function bodiesOf(path: string) {
  const reqs = server.requests.filter((r) => new URL(r.url).pathname === path);
  return Promise.all(reqs.map(async (r) => (await r.clone().json()) as Record<string, unknown>));
}

function renderPage(search = '') {
  return render(
    <I18nProvider lang="da">
      <QueryClientProvider client={makeQueryClient()}>
        <MemoryRouter initialEntries={[`/feedback/${TOKEN}${search}`]}>
          <Routes>
            <Route path="/feedback/:token" element={<FeedbackLinkRoute />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

/** Sets a slider by keyboard: Home, then PageUp per whole point and → per tenth. */
async function setSlider(user: ReturnType<typeof userEvent.setup>, name: string, tenths: number) {
  const slider = screen.getByRole('slider', { name });
  slider.focus();
  await user.keyboard('{Home}' + '{PageUp}'.repeat(Math.floor(tenths / 10)) + '{ArrowRight}'.repeat(tenths % 10));
  return slider;
}

beforeEach(() => {
  server.requests.length = 0;
  server.routes.clear();
  server.routes.set('POST /api/v1/public/feedback/open', async (req) => {
    const body = (await req.json()) as { token: string; lang?: 'da' | 'en' };
    return body.token === TOKEN ? json(200, VIEW(body.lang)) : json(404, { type: 'x', title: 'Not Found', status: 404, detail: '' });
  });
});

describe('FeedbackPage', () => {
  it('greets by first name with the meeting date, and starts with the ORS', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Hej Nanna' })).toBeTruthy();
    expect(screen.getByText('Det handler om mødet den 24. november 2026.')).toBeTruthy();
    const steps = within(screen.getByRole('list', { name: da.overview.heading })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([`${da.parts.ors} ${da.overview.now}`, `${da.parts.srs} ${da.overview.todo}`]);
    expect(screen.getByRole('heading', { level: 2, name: new RegExp(da.parts.ors) })).toBeTruthy();
    expect(screen.getAllByRole('slider')).toHaveLength(4);
    expect(screen.getByRole('slider', { name: 'Mig selv' }).getAttribute('aria-valuetext')).toBe('Ikke udfyldt');
    const open = await bodiesOf('/api/v1/public/feedback/open');
    expect(open).toEqual([{ token: TOKEN, lang: 'da' }]);
  });

  it('asks for all four marks before sending, in the summary and at the lines', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    await setSlider(user, 'Mig selv', 64);
    await user.click(screen.getByRole('button', { name: da.submit }));
    const summary = screen.getByRole('alert', { name: da.errors.summaryTitle });
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Sæt et mærke på linjen ved “Mine nære relationer”',
      'Sæt et mærke på linjen ved “Arbejde, skole og fritid”',
      'Sæt et mærke på linjen ved “Livet i det hele taget”',
    ]);
    expect(screen.getByRole('slider', { name: 'Livet i det hele taget' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('slider', { name: 'Mig selv' }).getAttribute('aria-invalid')).toBeNull();
    expect(await bodiesOf('/api/v1/public/feedback/ors')).toEqual([]);
  });

  it('keeps the submission id when the citizen sends again after a lost connection', async () => {
    const user = userEvent.setup();
    let online = false;
    server.routes.set('POST /api/v1/public/feedback/ors', () => {
      if (!online) throw new TypeError('Failed to fetch');
      return json(201, { part: 'ors', stored: true });
    });
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    await setSlider(user, 'Mig selv', 64);
    await setSlider(user, 'Mine nære relationer', 51);
    await setSlider(user, 'Arbejde, skole og fritid', 40);
    await setSlider(user, 'Livet i det hele taget', 55);
    await user.click(screen.getByRole('button', { name: da.submit }));
    expect(await screen.findByText(da.errors.network)).toBeTruthy();
    // Tried three times on its own (the first send and two retries).
    expect(await bodiesOf('/api/v1/public/feedback/ors')).toHaveLength(3);

    online = true;
    await user.click(screen.getByRole('button', { name: da.submit }));
    expect(await screen.findByText(`${da.thanks.part} ${da.thanks.next}`)).toBeTruthy();
    const sent = await bodiesOf('/api/v1/public/feedback/ors');
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((b) => b.submission_id)).size).toBe(1);
    expect(sent[3]).toMatchObject({ token: TOKEN, items: { individually: 6.4, interpersonally: 5.1, socially: 4, overall: 5.5 } });

    // The next part takes focus; the ORS shows as answered.
    const heading = screen.getByRole('heading', { level: 2, name: new RegExp(da.parts.srs) });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const steps = within(screen.getByRole('list', { name: da.overview.heading })).getAllByRole('listitem');
    expect(steps[0]!.textContent).toBe(`${da.parts.ors} ${da.overview.done}`);
  });

  it('takes a 409 already-answered as "already", and thanks at the end without asking again', async () => {
    const user = userEvent.setup();
    server.routes.set('POST /api/v1/public/feedback/open', () =>
      json(200, { ...VIEW(), parts: [{ part: 'ors', done: true }, { part: 'srs', done: false }] }),
    );
    server.routes.set('POST /api/v1/public/feedback/srs', () =>
      // answered from another submission, e.g. a second phone
      json(409, { type: 'https://bic.example/problems/already-answered', title: 'Already answered', status: 409, detail: '' }),
    );
    renderPage();
    await screen.findByRole('heading', { level: 2, name: new RegExp(da.parts.srs) });
    for (const name of ['Jeg følte mig hørt', 'Vi talte om det, jeg ville', 'Måden passede mig', 'Mødet i det hele taget']) await setSlider(user, name, 90);
    await user.click(screen.getByRole('button', { name: da.submit }));
    const thanks = await screen.findByRole('status', { name: '' });
    expect(thanks.textContent).toContain(da.thanks.allTitle);
    expect(thanks.textContent).toContain(da.thanks.already);
    expect(screen.queryAllByRole('slider')).toHaveLength(0);
    // Once to show the page; the 409's type says enough, so not again.
    expect(await bodiesOf('/api/v1/public/feedback/open')).toHaveLength(1);
  });

  it('tells the citizen when a 409 means the part was refused (nothing stored), and goes on', async () => {
    const user = userEvent.setup();
    server.routes.set('POST /api/v1/public/feedback/open', () =>
      json(200, { ...VIEW(), parts: [{ part: 'topics', done: false }, { part: 'srs', done: false }] }),
    );
    server.routes.set('POST /api/v1/public/feedback/topics', () =>
      json(409, { type: 'https://bic.example/problems/conflict', title: 'Conflict', status: 409, detail: 'The meeting is no longer planned, so topics can no longer be added to its agenda.' }),
    );
    renderPage();
    await screen.findByRole('heading', { level: 2, name: new RegExp(da.parts.topics) });
    await user.type(screen.getByLabelText(/Emne 1/), 'Bolig');
    await user.click(screen.getByRole('button', { name: da.submit }));
    expect(await screen.findByText(`${da.thanks.refused} ${da.thanks.next}`)).toBeTruthy();
    const steps = within(screen.getByRole('list', { name: da.overview.heading })).getAllByRole('listitem');
    expect(steps[0]!.textContent).toBe(`${da.parts.topics} ${da.overview.notSent}`);
    expect(screen.getByRole('heading', { level: 2, name: new RegExp(da.parts.srs) })).toBeTruthy();
  });

  it('shows a server 422 at the line it is about', async () => {
    const user = userEvent.setup();
    server.routes.set('POST /api/v1/public/feedback/ors', () =>
      json(422, { type: 'x', title: 'Validation failed', status: 422, detail: '', errors: [{ field: 'items.overall', message: 'must be from 0.0 to 10.0' }] }),
    );
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    for (const name of ['Mig selv', 'Mine nære relationer', 'Arbejde, skole og fritid', 'Livet i det hele taget']) await setSlider(user, name, 30);
    await user.click(screen.getByRole('button', { name: da.submit }));
    const summary = await screen.findByRole('alert', { name: da.errors.summaryTitle });
    expect(summary.textContent).toContain(da.scale.outOfRange);
    expect(screen.getByRole('slider', { name: 'Livet i det hele taget' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('says plainly that a dead link no longer works', async () => {
    render(
      <I18nProvider lang="da">
        <QueryClientProvider client={makeQueryClient()}>
          <MemoryRouter initialEntries={['/feedback/unknown-token-0123456789abcdef']}>
            <Routes>
              <Route path="/feedback/:token" element={<FeedbackLinkRoute />} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: da.gone.title })).toBeTruthy();
    expect(screen.getByText(da.gone.body)).toBeTruthy();
    expect(screen.queryByText(/Nanna/)).toBeNull();
  });

  it('speaks English with ?lang=en, from the first call', async () => {
    renderPage('?lang=en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello Nanna' })).toBeTruthy();
    expect(screen.getByText('This is about the meeting on 24 November 2026.')).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Myself' }).getAttribute('aria-valuetext')).toBe('Not filled in');
    expect(screen.getByRole('button', { name: en.submit })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(await bodiesOf('/api/v1/public/feedback/open')).toEqual([{ token: TOKEN, lang: 'en' }]);
  });
});
