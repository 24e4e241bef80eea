import { describe, expect, it, vi } from 'vitest';
import { Session } from './session';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function fakeServer() {
  let refreshes = 0;
  const calls: string[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    if (url.endsWith('/auth/login')) {
      const body = JSON.parse(String(init?.body)) as { password: string; refresh_cookie: boolean };
      expect(body.refresh_cookie).toBe(true);
      if (body.password !== 'right') return jsonResponse(401, { type: 'x', title: 'x', status: 401, detail: 'wrong' });
      return jsonResponse(200, { access_token: 'a0', token_type: 'Bearer', expires_in: 900 });
    }
    if (url.endsWith('/auth/refresh')) {
      refreshes++;
      await new Promise((r) => setTimeout(r, 5));
      return jsonResponse(200, { access_token: `a${refreshes}`, token_type: 'Bearer', expires_in: 900 });
    }
    if (url.endsWith('/auth/logout')) return new Response(null, { status: 204 });
    throw new Error('unexpected ' + url);
  });
  return { fetchFn, calls, refreshes: () => refreshes };
}

describe('the browser session', () => {
  it('keeps the access token in memory only, never in web storage', async () => {
    const srv = fakeServer();
    const s = new Session(srv.fetchFn as typeof fetch);
    expect(await s.login('a@b.example', 'right')).toEqual({ ok: true });
    expect(s.snapshot().token).toBe('a0');
    expect(JSON.stringify({ ...localStorage })).not.toContain('a0');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('a0');
  });

  it('reports a failed login with its status', async () => {
    const s = new Session(fakeServer().fetchFn as typeof fetch);
    const r = await s.login('a@b.example', 'wrong');
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.status).toBe(401);
    expect(s.loggedIn).toBe(false);
  });

  it('shares one refresh between concurrent callers, because the server rotates the token', async () => {
    const srv = fakeServer();
    let now = 0;
    const s = new Session(srv.fetchFn as typeof fetch, () => now);
    await s.login('a@b.example', 'right');
    now = 899_000; // within the skew of expiry
    const tokens = await Promise.all([s.validToken(), s.validToken(), s.validToken()]);
    expect(srv.refreshes()).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['a1']));
  });

  it('does not refresh while the token is fresh', async () => {
    const srv = fakeServer();
    const s = new Session(srv.fetchFn as typeof fetch, () => 0);
    await s.login('a@b.example', 'right');
    expect(await s.validToken()).toBe('a0');
    expect(srv.refreshes()).toBe(0);
  });

  it('ends the session as expired when the refresh is refused', async () => {
    const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input).endsWith('/auth/login')) return jsonResponse(200, { access_token: 'a0', token_type: 'Bearer', expires_in: 900 });
      return jsonResponse(401, { type: 'x', title: 'x', status: 401, detail: 'ended' });
    });
    const s = new Session(fetchFn as typeof fetch, () => 0);
    await s.login('a@b.example', 'right');
    expect(await s.refreshAfter401()).toBeNull();
    expect(s.snapshot()).toMatchObject({ token: null, ended: 'expired' });
  });

  it('restores quietly from the cookie on page load, or stays logged out without a notice', async () => {
    const ok = new Session(fakeServer().fetchFn as typeof fetch);
    expect(await ok.restore()).toBe(true);
    const refused = new Session((async () => jsonResponse(401, {})) as typeof fetch);
    expect(await refused.restore()).toBe(false);
    expect(refused.snapshot().ended).toBeNull();
  });

  it('logs out on the server and forgets the token even if the server is unreachable', async () => {
    const s = new Session(fakeServer().fetchFn as typeof fetch);
    await s.login('a@b.example', 'right');
    await s.logout();
    expect(s.snapshot()).toMatchObject({ token: null, ended: 'logged-out' });
    const offline = new Session((async (u: RequestInfo | URL) => {
      if (String(u).endsWith('/auth/login')) return jsonResponse(200, { access_token: 'x', token_type: 'Bearer', expires_in: 900 });
      throw new TypeError('network');
    }) as typeof fetch);
    await offline.login('a@b.example', 'right');
    await expect(offline.logout()).rejects.toThrow();
    expect(offline.snapshot().token).toBeNull();
  });
});
