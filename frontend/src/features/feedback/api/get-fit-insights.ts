// GET /insights/fit: the leader's feedback figures per team and period
// (default the last 90 days); figures on fewer than min_cases cases are
// withheld by the server.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { feedbackKeys, type FitInsightParams } from './keys';

export type FitInsight = Schemas['FitInsight'];
export type TeamFitFigures = Schemas['TeamFitFigures'];

export const fitInsightsQuery = (params: FitInsightParams) =>
  queryOptions({
    queryKey: feedbackKeys.insights(params),
    queryFn: async ({ signal }): Promise<FitInsight> => unwrap(await api.GET('/insights/fit', { params: { query: params }, signal })),
  });

export function useFitInsights(params: FitInsightParams) {
  return useQuery({ ...fitInsightsQuery(params), placeholderData: keepPreviousData });
}
