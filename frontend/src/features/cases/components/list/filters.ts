// The case list's filters live in the URL (shareable, and the back button
// restores them). These helpers map URL ⇄ filters ⇄ API query, and drop what
// they do not recognise, since the API refuses unknown or invalid values.
import type { CaseListParams } from '@/features/cases/api/keys';

export type Phase = NonNullable<CaseListParams['phase']>;
export type Status = NonNullable<CaseListParams['status']>;
export type Sort = NonNullable<CaseListParams['sort']>;

export const PHASES = ['sagsaabning', 'sagsoplysning', 'sagsvurdering', 'afgoerelse', 'bestilling', 'opfoelgning'] as const satisfies readonly Phase[];
export const STATUSES = ['open', 'closed'] as const satisfies readonly Status[];
export const SORTS = [
  '-updated_at',
  'updated_at',
  '-opened_at',
  'opened_at',
  'name',
  '-name',
  'next_follow_up',
  '-next_follow_up',
] as const satisfies readonly Sort[];
export const DEFAULT_SORT: Sort = '-updated_at';
export const PAGE_SIZE = 50;
export const MIN_QUERY = 2;
export const MAX_QUERY = 100;

export type CaseFilters = {
  phase?: Phase;
  status?: Status;
  caseworkerId?: string;
  overdue: boolean;
  q?: string;
  sort: Sort;
};

export const EMPTY_FILTERS: CaseFilters = { overdue: false, sort: DEFAULT_SORT };

/** URL parameter names (the API's own, so links are easy to read). */
export const PARAM = {
  phase: 'phase',
  status: 'status',
  caseworkerId: 'caseworker_id',
  overdue: 'follow_up_overdue',
  q: 'q',
  sort: 'sort',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Whether a name search is long enough to send (the API needs 2–100 characters). */
export function validQuery(q: string): boolean {
  const n = q.trim().length;
  return n >= MIN_QUERY && n <= MAX_QUERY;
}

export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const f: CaseFilters = {
    overdue: params.get(PARAM.overdue) === 'true',
    sort: oneOf(SORTS, params.get(PARAM.sort)) ?? DEFAULT_SORT,
  };
  const phase = oneOf(PHASES, params.get(PARAM.phase));
  if (phase) f.phase = phase;
  const status = oneOf(STATUSES, params.get(PARAM.status));
  if (status) f.status = status;
  const cw = params.get(PARAM.caseworkerId);
  if (cw && UUID.test(cw)) f.caseworkerId = cw.toLowerCase();
  const q = params.get(PARAM.q)?.trim();
  if (q && validQuery(q)) f.q = q;
  return f;
}

/** Only what differs from the defaults goes into the URL, in a stable order. */
export function filtersToParams(f: CaseFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.phase) p.set(PARAM.phase, f.phase);
  if (f.status) p.set(PARAM.status, f.status);
  if (f.caseworkerId) p.set(PARAM.caseworkerId, f.caseworkerId);
  if (f.overdue) p.set(PARAM.overdue, 'true');
  const q = f.q?.trim();
  if (q && validQuery(q)) p.set(PARAM.q, q);
  if (f.sort !== DEFAULT_SORT) p.set(PARAM.sort, f.sort);
  return p;
}

/** The query for GET /cases. */
export function toListParams(f: CaseFilters, cursor?: string): CaseListParams {
  const p: CaseListParams = { sort: f.sort, limit: PAGE_SIZE };
  if (f.phase) p.phase = f.phase;
  if (f.status) p.status = f.status;
  if (f.caseworkerId) p.caseworker_id = f.caseworkerId;
  if (f.overdue) p.follow_up_overdue = true;
  if (f.q) p.q = f.q;
  if (cursor) p.cursor = cursor;
  return p;
}

export function hasFilters(f: CaseFilters): boolean {
  return filtersToParams(f).toString() !== '';
}
