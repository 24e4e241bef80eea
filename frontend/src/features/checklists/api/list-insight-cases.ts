// GET /insights/principles/cases: the checklists behind one cell of the
// overview, most recently worked on first, page by page ("Vis flere").
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { insightKeys, type InsightCaseParams } from './keys';

export type InsightCase = Schemas['PrincipleInsightCase'];
export type InsightCases = Schemas['PrincipleInsightCases'];

export const INSIGHT_CASES_PAGE = 25;

export const insightCasesQuery = (params: Omit<InsightCaseParams, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: insightKeys.cases(params),
    queryFn: async ({ pageParam, signal }): Promise<InsightCases> =>
      unwrap(
        await api.GET('/insights/principles/cases', {
          params: { query: { limit: INSIGHT_CASES_PAGE, ...params, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor || undefined,
  });

export function useInsightCases(params: Omit<InsightCaseParams, 'cursor'>) {
  return useInfiniteQuery(insightCasesQuery(params));
}
