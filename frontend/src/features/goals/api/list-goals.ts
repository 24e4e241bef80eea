// GET /cases/{case_id}/goals: main goals and sub-goals with their SMART check
// and progress summary, and the case's GAS T-score.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { goalKeys } from './keys';

export type Goal = Schemas['Goal'];
export type GoalList = Schemas['GoalList'];

export const goalsQuery = (caseId: string) =>
  queryOptions({
    queryKey: goalKeys.list(caseId),
    queryFn: async ({ signal }): Promise<GoalList> =>
      unwrap(await api.GET('/cases/{case_id}/goals', { params: { path: { case_id: caseId } }, signal })),
  });

export function useGoals(caseId: string) {
  return useQuery(goalsQuery(caseId));
}
