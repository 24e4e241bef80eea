// The one API client. Types come only from schema.gen.ts, which `make openapi`
// generates from ../openapi.yaml; nothing here restates a request or response.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.gen';
import { session } from '../auth/session';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];

/** Problem types a screen acts on (the stable `type` of RFC 9457; never match on `detail`). */
export const ALREADY_ANSWERED = 'https://bic.example/problems/already-answered';

/** An API call that answered with a problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
  /** Field errors keyed by field path ("citizen.cpr", "dreams[0].text"). */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] ??= e.message;
    return out;
  }
}

/** A network failure or a body that is not a problem document. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'type' in body && 'status' in body) {
    return new ApiError(status, body as Problem);
  }
  return new ApiError(status, {
    type: 'about:blank',
    title: 'Error',
    status,
    detail: '',
  });
}

const retries = new Map<string, Request>();

// Adds the access token, refreshing it first when it is about to expire, and
// retries once after a 401 with a fresh token. /auth calls go untouched.
const auth: Middleware = {
  async onRequest({ request, id }) {
    if (new URL(request.url).pathname.startsWith('/api/v1/auth/')) return request;
    const token = await session.validToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    retries.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const retry = retries.get(id);
    retries.delete(id);
    if (response.status !== 401 || !retry) return response;
    const token = await session.refreshAfter401();
    if (!token) return response;
    retry.headers.set('Authorization', `Bearer ${token}`);
    return fetch(retry);
  },
};

export const api = createClient<paths>({ baseUrl: '/api/v1' });
api.use(auth);

/**
 * Returns data or throws ApiError. Use in query functions and mutations:
 * `unwrap(await api.GET('/cases', { params }))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}

/** The ETag of a response, for If-Match on the next change. */
export function etagOf(response: Response): string {
  return response.headers.get('ETag') ?? '';
}
