// The API from the test process (no browser): log in, read and create cases
// to set up or check what the screens show. Typed by the same schema.gen.ts
// the web app uses, through openapi-fetch.
import { randomInt } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from '../../src/lib/api/schema.gen';
import { baseUrl, demoPassword, type DemoUser } from './env';

export type Schemas = components['schemas'];
export type Case = Schemas['Case'];
export type CreateCaseRequest = Schemas['CreateCaseRequest'];
export type UpdateCaseRequest = Schemas['UpdateCaseRequest'];
export type ListCasesQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;

/** A typed client for /api/v1, sending the token when given. */
export function apiClient(token?: string) {
  const client = createClient<paths>({ baseUrl: `${baseUrl()}/api/v1` });
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}

function fail(what: string, res: Response, error: unknown): never {
  throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(error)}`);
}

/** Logs in through the API and returns the access token. */
export async function apiLogin(user: DemoUser | string, password = demoPassword()): Promise<string> {
  const email = typeof user === 'string' ? user : user.email;
  const { data, error, response } = await apiClient().POST('/auth/login', { body: { email, password } });
  if (!data) fail(`login ${email}`, response, error);
  return data.access_token;
}

/** Revokes a refresh token (and its whole login family), e.g. a browser's bic_refresh cookie value. */
export async function apiLogout(refreshToken: string): Promise<number> {
  const { response } = await apiClient().POST('/auth/logout', { body: { refresh_token: refreshToken } });
  return response.status;
}

/** The logged-in user with role and teams. */
export async function apiMe(token: string): Promise<Schemas['User']> {
  const { data, error, response } = await apiClient(token).GET('/me');
  if (!data) fail('GET /me', response, error);
  return data;
}

/** One page of the cases the user may see. */
export async function apiListCases(token: string, query: ListCasesQuery = {}): Promise<Schemas['CasePage']> {
  const { data, error, response } = await apiClient(token).GET('/cases', { params: { query } });
  if (!data) fail('GET /cases', response, error);
  return data;
}

/** A case with its ETag, or the status (404 for another team's case). */
export async function apiGetCase(token: string, id: string): Promise<{ status: number; case?: Case; etag: string }> {
  const { data, response } = await apiClient(token).GET('/cases/{id}', { params: { path: { id } } });
  return { status: response.status, case: data, etag: response.headers.get('ETag') ?? '' };
}

/** Creates a case; throws unless 201. */
export async function createCaseViaApi(token: string, body: CreateCaseRequest): Promise<{ id: string; etag: string; case: Case }> {
  const { data, error, response } = await apiClient(token).POST('/cases', { body });
  if (!data || response.status !== 201) fail('POST /cases', response, error);
  return { id: data.id, etag: response.headers.get('ETag') ?? '', case: data };
}

/** Changes a case with If-Match; returns the status and, on success, the new ETag. */
export async function apiUpdateCase(
  token: string,
  id: string,
  etag: string,
  body: UpdateCaseRequest,
): Promise<{ status: number; case?: Case; etag: string }> {
  const { data, response } = await apiClient(token).PATCH('/cases/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body,
  });
  return { status: response.status, case: data, etag: response.headers.get('ETag') ?? '' };
}

/** The smallest valid new case for a team, with a fresh citizen; override any field. */
export function newCaseBody(teamId: string, overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest {
  return {
    team_id: teamId,
    citizen: { cpr: replacementCPR(), name: `E2E Borger ${randomInt(100_000, 1_000_000)}` },
    legal_basis: 'sel_85',
    target_group: 'intellectual_impairment',
    ...overrides,
  };
}

const issued = new Set<string>();
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A fresh, valid replacement CPR number (erstatningspersonnummer),
 * "DDMMYY-SSSS": a real birth date 1950–1999 with 60 added to the day
 * (61–91), and a 7th digit 0–3, which the CPR rules read as 19xx for every
 * year. The last digit is odd for male, even for female. Unique within this
 * test process, random across runs.
 */
export function replacementCPR(sex?: 'female' | 'male'): string {
  for (;;) {
    const year = randomInt(1950, 2000);
    const month = randomInt(1, 13);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = randomInt(1, daysInMonth + 1);
    const seventh = randomInt(0, 4);
    let last = randomInt(0, 10);
    if (sex === 'female' && last % 2 === 1) last -= 1;
    if (sex === 'male' && last % 2 === 0) last += 1;
    const cpr = `${pad2(day + 60)}${pad2(month)}${pad2(year % 100)}-${seventh}${pad2(randomInt(0, 100))}${last}`;
    if (!issued.has(cpr)) {
      issued.add(cpr);
      return cpr;
    }
  }
}

/** How the API and the screens show a CPR number: "DDMMYY-xxxx". */
export function maskedCPR(cpr: string): string {
  return `${cpr.replace('-', '').slice(0, 6)}-xxxx`;
}
