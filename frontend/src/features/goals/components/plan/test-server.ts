// A stub of fetch for component tests of the goal screens: fetch (and
// Request, which cannot take relative URLs outside a browser) answer from a
// route table, so the real API client, middleware and hooks run. Import it
// inside vi.hoisted, before the API client is created.
import { vi } from 'vitest';

export type Route = (req: Request) => Response | Promise<Response>;

export function installTestServer() {
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
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const token = () => json(200, { access_token: 'token', refresh_token: '', token_type: 'Bearer', expires_in: 900 });
