// GET/POST /cases/{case_id}/follow-ups: the case's follow-up reviews, and a
// new review of every goal being worked on. Saving one changes the goals
// (status, GAS level, measurements) and the case's next follow-up date, so
// all goal data of the case and the case itself are fetched again; the
// returned promise settles once the (active) case query has the new date.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { afterGoalChange } from './cache';
import { goalKeys } from './keys';

export type FollowUp = Schemas['FollowUp'];
export type FollowUpInput = Schemas['FollowUpInput'];

export const followUpsQuery = (caseId: string) =>
  queryOptions({
    queryKey: goalKeys.followUps(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/cases/{case_id}/follow-ups', { params: { path: { case_id: caseId } }, signal })),
  });

export function useFollowUps(caseId: string) {
  return useQuery(followUpsQuery(caseId));
}

export async function createFollowUp(caseId: string, body: FollowUpInput): Promise<FollowUp> {
  return unwrap(await api.POST('/cases/{case_id}/follow-ups', { params: { path: { case_id: caseId } }, body }));
}

export function useCreateFollowUp(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpInput) => createFollowUp(caseId, body),
    onSuccess: () => afterGoalChange(qc, caseId),
  });
}
