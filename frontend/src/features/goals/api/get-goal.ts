// GET /goals/{id}: one goal with its SMART check, progress summary and status
// history, together with its ETag (sent back as If-Match on every change).
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '@/lib/api/client';
import { goalKeys } from './keys';
import type { Goal } from './list-goals';

export type GoalWithEtag = { data: Goal; etag: string };

/** A response that carries a goal → `{ data, etag }`, or throws ApiError. */
export function toGoalWithEtag(result: { data?: Goal; error?: unknown; response: Response }): GoalWithEtag {
  const data = unwrap(result);
  return { data, etag: etagOf(result.response) || `"${data.version}"` };
}

export const goalQuery = (id: string) =>
  queryOptions({
    queryKey: goalKeys.detail(id),
    queryFn: async ({ signal }): Promise<GoalWithEtag> =>
      toGoalWithEtag(await api.GET('/goals/{id}', { params: { path: { id } }, signal })),
  });

export function useGoal(id: string) {
  return useQuery(goalQuery(id));
}

/** Stores a goal the API answered a change with (it carries the history). */
export function storeChangedGoal(qc: QueryClient, changed: GoalWithEtag) {
  qc.setQueryData(goalKeys.detail(changed.data.id), changed);
}
