// Test support: a fake API behind fetch for component tests. The API client
// keeps the fetch and Request it finds when it is created, so install this in
// vi.hoisted, before any import runs:
//
//   const api = await vi.hoisted(async () => (await import('.../fake-api')).installFakeApi());
import { vi } from 'vitest';

export type Call = { method: string; path: string; headers: Headers; body: unknown };
export type Handler = (call: Call) => Response | undefined;
export type FakeApi = { handlers: Handler[]; calls: Call[]; reset: () => void };

export function installFakeApi(): FakeApi {
  const state: FakeApi = {
    handlers: [],
    calls: [],
    reset() {
      state.handlers = [];
      state.calls = [];
    },
  };
  const Base = globalThis.Request;
  // Node's Request needs absolute URLs; the client uses /api/v1.
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
    if (url.pathname === '/api/v1/auth/refresh') return json(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 });
    state.calls.push(call);
    for (const h of state.handlers) {
      const res = h(call);
      if (res) return res;
    }
    throw new Error(`unexpected ${call.method} ${call.path}`);
  });
  return state;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function problem(status: number, type: string, detail = ''): Response {
  return json(status, { type: `https://bic.example/problems/${type}`, title: type, status, detail, instance: 'urn:request:test' });
}

/** A handler for one method and path (exact string, or a pattern on path + query). */
export function route(method: string, path: string | RegExp, respond: (c: Call) => Response): Handler {
  return (c) => (c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path)) ? respond(c) : undefined);
}
