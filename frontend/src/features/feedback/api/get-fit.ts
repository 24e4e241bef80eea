// GET /cases/{case_id}/fit: the case's FIT reading: the citizen's own ORS
// series and the server's outcome (reliable change, clinical range),
// collateral ORS apart, and every SRS with its alliance reading, with the
// thresholds in force.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { feedbackKeys } from './keys';

export type FitReading = Schemas['FitReading'];
export type FitOutcome = Schemas['FitOutcome'];
export type FitThresholds = Schemas['FitThresholds'];
export type Score = Schemas['Score'];
export type ScoreCorrection = Schemas['ScoreCorrection'];
export type Rater = Score['rater'];
export type Scale = Score['scale'];
export type ItemKey = Schemas['ItemScore']['key'];

export const RATERS = ['citizen', 'relative', 'provider'] as const satisfies readonly Rater[];

export const fitQuery = (caseId: string) =>
  queryOptions({
    queryKey: feedbackKeys.fit(caseId),
    queryFn: async ({ signal }): Promise<FitReading> =>
      unwrap(await api.GET('/cases/{case_id}/fit', { params: { path: { case_id: caseId } }, signal })),
  });

export function useFit(caseId: string) {
  return useQuery(fitQuery(caseId));
}
