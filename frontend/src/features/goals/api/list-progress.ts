// GET /goals/{id}/progress: measurements on the 1–10 scale, oldest first, and
// per rater the first, latest and change since the first.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { goalKeys } from './keys';

export type ProgressSeries = Schemas['ProgressSeries'];
export type Progress = Schemas['Progress'];

export const progressQuery = (goalId: string) =>
  queryOptions({
    queryKey: goalKeys.progress(goalId),
    queryFn: async ({ signal }): Promise<ProgressSeries> =>
      unwrap(await api.GET('/goals/{id}/progress', { params: { path: { id: goalId } }, signal })),
  });

export function useProgress(goalId: string) {
  return useQuery(progressQuery(goalId));
}
