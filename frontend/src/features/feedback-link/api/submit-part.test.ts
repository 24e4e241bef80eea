// Sending a part: the same body (and so the same submission id) on every
// automatic retry after a lost connection or a gateway error; no retry for
// answers that will not change (404, 409, 422, 429).
import { describe, expect, it, vi } from 'vitest';

const server = await vi.hoisted(async () => (await import('../../goals/components/plan/test-server')).installTestServer());
const { json } = await import('../../goals/components/plan/test-server');
const { newSubmissionId, submitPart } = await import('./submit-part');

const TOKEN = 'tok_0123456789abcdefghijklmnop';
const noWait = { delays: [1, 1], wait: () => Promise.resolve() };
const bodies = async () => Promise.all(server.requests.map(async (r) => (await r.clone().json()) as Record<string, unknown>));

describe('submitPart', () => {
  it('retries a lost request with the same submission id, and takes the receipt', async () => {
    server.requests.length = 0;
    let calls = 0;
    server.routes.set('POST /api/v1/public/feedback/ors', () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls === 2) return json(503, { type: 'about:blank', title: 'Unavailable', status: 503, detail: '' });
      return json(200, { part: 'ors', stored: false });
    });
    const id = newSubmissionId();
    const receipt = await submitPart(
      'ors',
      { token: TOKEN, submission_id: id, items: { individually: 6.4, interpersonally: 5.1, socially: 4, overall: 5.5 } },
      noWait,
    );
    expect(receipt).toEqual({ part: 'ors', stored: false });
    const sent = await bodies();
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((b) => b.submission_id))).toEqual(new Set([id]));
    expect(sent[0]).toEqual({ token: TOKEN, submission_id: id, items: { individually: 6.4, interpersonally: 5.1, socially: 4, overall: 5.5 } });
    // The token is in the body, never in the address.
    expect(server.requests.every((r) => !r.url.includes(TOKEN))).toBe(true);
  });

  it('gives up after two retries with a "no connection" error', async () => {
    server.requests.length = 0;
    server.routes.set('POST /api/v1/public/feedback/srs', () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(
      submitPart('srs', { token: TOKEN, submission_id: newSubmissionId(), items: { relationship: 9, goals_and_topics: 9, approach_or_method: 9, overall: 9 } }, noWait),
    ).rejects.toMatchObject({ status: 0 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([404, 409, 422, 429])('does not retry a %i', async (status) => {
    server.requests.length = 0;
    server.routes.set('POST /api/v1/public/feedback/topics', () => json(status, { type: 'x', title: 'x', status, detail: 'x' }));
    await expect(submitPart('topics', { token: TOKEN, submission_id: newSubmissionId(), topics: ['Bolig'] }, noWait)).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });
});

describe('newSubmissionId', () => {
  it('makes a fresh UUID v4 each time, also without crypto.randomUUID', () => {
    const a = newSubmissionId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newSubmissionId()).not.toBe(a);
    // Outside a secure context (plain http on a local network) there is no randomUUID.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(crypto.randomUUID).toBeUndefined();
      expect(newSubmissionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});
