// PATCH /goals/{id} with If-Match. Throws ApiError: 412 when someone else
// saved first, 409 when the goal is finished or the case closed, 422 with
// field errors (a goal being worked on must stay SMART).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { afterGoalChange } from './cache';
import { storeChangedGoal, toGoalWithEtag, type GoalWithEtag } from './get-goal';

export type UpdateGoalVars = { id: string; etag: string; body: Schemas['UpdateGoalRequest'] };

export async function updateGoal({ id, etag, body }: UpdateGoalVars): Promise<GoalWithEtag> {
  return toGoalWithEtag(await api.PATCH('/goals/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

export function useUpdateGoal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateGoal,
    onSuccess: (changed) => {
      storeChangedGoal(qc, changed);
      return afterGoalChange(qc, changed.data.case_id, changed.data.id);
    },
  });
}
