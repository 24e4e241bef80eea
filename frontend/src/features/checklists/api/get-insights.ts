// GET /insights/principles: the leader's principle × phase overview for a
// period and one or all of the leader's teams (default: the last 90 days).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { insightKeys, type InsightParams } from './keys';

export type PrincipleInsight = Schemas['PrincipleInsight'];
export type InsightCell = Schemas['PrincipleInsightCell'];
export type InsightPrinciple = Schemas['InsightPrinciple'];
export type StatusCounts = Schemas['StatusCounts'];

export const insightsQuery = (params: InsightParams) =>
  queryOptions({
    queryKey: insightKeys.overview(params),
    queryFn: async ({ signal }): Promise<PrincipleInsight> =>
      unwrap(await api.GET('/insights/principles', { params: { query: params }, signal })),
  });

export function useInsights(params: InsightParams, enabled = true) {
  // Keep the old overview on screen while another period loads.
  return useQuery({ ...insightsQuery(params), enabled, placeholderData: keepPreviousData });
}
