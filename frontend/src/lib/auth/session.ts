// The browser session. The access token lives only in memory (a module
// variable), never in localStorage or sessionStorage, so a script injected
// into the page cannot read it from storage after the fact. The refresh token
// is an HttpOnly cookie set by the server (login with refresh_cookie), out of
// reach of scripts altogether. A reload restores the session by spending the
// cookie once.
//
// Refreshes are single-flight: within a tab one promise is shared, and across
// tabs the Web Locks API serialises them, because the server rotates the
// refresh token on every use and treats a replay as theft. A tab that
// refreshes tells the others through a BroadcastChannel, and a logout in one
// tab ends the session in all of them.

export type SessionEnd = 'expired' | 'logged-out';

type State = { token: string | null; expiresAt: number; ended: SessionEnd | null };
type Listener = () => void;

const LOCK = 'bic-session-refresh';
const SKEW_MS = 30_000;

type TokenBody = { access_token: string; expires_in: number };

export class Session {
  private state: State = { token: null, expiresAt: 0, ended: null };
  private listeners = new Set<Listener>();
  private inflight: Promise<string | null> | null = null;
  private channel: BroadcastChannel | null;

  constructor(
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('bic-session');
    this.channel?.addEventListener('message', (e: MessageEvent) => {
      const msg = e.data as { kind: string; token?: string; expiresAt?: number };
      if (msg.kind === 'token' && msg.token && msg.expiresAt) {
        this.set({ token: msg.token, expiresAt: msg.expiresAt, ended: null });
      } else if (msg.kind === 'logout') {
        this.set({ token: null, expiresAt: 0, ended: 'logged-out' });
      }
    });
  }

  /** Subscribe for React's useSyncExternalStore. */
  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  snapshot = (): State => this.state;

  get loggedIn(): boolean {
    return this.state.token !== null;
  }

  private set(s: State) {
    this.state = s;
    for (const l of this.listeners) l();
  }

  private accept(body: TokenBody, broadcast = true) {
    const expiresAt = this.now() + body.expires_in * 1000;
    this.set({ token: body.access_token, expiresAt, ended: null });
    if (broadcast) this.channel?.postMessage({ kind: 'token', token: body.access_token, expiresAt });
  }

  private async post(path: string, body: unknown): Promise<Response> {
    return this.fetchFn(`/api/v1/auth/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  }

  /** Logs in; resolves with the problem detail on failure. */
  async login(
    email: string,
    password: string,
  ): Promise<{ ok: true } | { ok: false; status: number; body: unknown; retryAfter: number }> {
    const res = await this.post('login', { email, password, refresh_cookie: true });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, status: res.status, body, retryAfter: Number(res.headers.get('Retry-After') ?? 0) };
    this.accept(body as TokenBody);
    return { ok: true };
  }

  /** A token valid for at least a little while, refreshing if needed. */
  async validToken(): Promise<string | null> {
    if (this.state.token && this.state.expiresAt - SKEW_MS > this.now()) return this.state.token;
    if (!this.state.token && this.state.ended) return null;
    return this.refresh();
  }

  /** After a 401: refresh once; a second 401 ends the session. */
  async refreshAfter401(): Promise<string | null> {
    if (!this.state.token) return null;
    return this.refresh();
  }

  /** Tries to restore a session from the cookie (on page load). */
  async restore(): Promise<boolean> {
    return (await this.refresh(true)) !== null;
  }

  refresh(quiet = false): Promise<string | null> {
    if (!this.inflight) {
      const started = this.state.token;
      const run = async () => {
        // Another tab may have refreshed while we waited for the lock.
        if (this.state.token && this.state.token !== started && this.state.expiresAt - SKEW_MS > this.now()) {
          return this.state.token;
        }
        const res = await this.post('refresh', {});
        if (!res.ok) {
          const hadSession = this.state.token !== null;
          this.set({ token: null, expiresAt: 0, ended: hadSession && !quiet ? 'expired' : this.state.ended });
          return null;
        }
        this.accept((await res.json()) as TokenBody);
        return this.state.token;
      };
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const p = locks ? (locks.request(LOCK, run) as unknown as Promise<string | null>) : run();
      this.inflight = p.finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  async logout(): Promise<void> {
    try {
      await this.post('logout', {});
    } finally {
      this.set({ token: null, expiresAt: 0, ended: 'logged-out' });
      this.channel?.postMessage({ kind: 'logout' });
    }
  }

  /** Clears the "session ended" notice once it has been shown. */
  acknowledgeEnd() {
    if (this.state.ended) this.set({ ...this.state, ended: null });
  }
}

export const session = new Session();
