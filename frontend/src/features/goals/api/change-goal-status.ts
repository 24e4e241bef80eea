// POST /goals/{id}/status with If-Match: a reason always; next_step when the
// goal becomes achieved; 422 with field errors when a goal that is not SMART
// is made active.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { afterGoalChange } from './cache';
import { storeChangedGoal, toGoalWithEtag, type GoalWithEtag } from './get-goal';

export type GoalStatus = Schemas['Goal']['status'];
export type ChangeStatusVars = { id: string; etag: string; body: Schemas['GoalStatusRequest'] };

export async function changeGoalStatus({ id, etag, body }: ChangeStatusVars): Promise<GoalWithEtag> {
  return toGoalWithEtag(await api.POST('/goals/{id}/status', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

export function useChangeGoalStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changeGoalStatus,
    onSuccess: (changed) => {
      storeChangedGoal(qc, changed);
      return afterGoalChange(qc, changed.data.case_id, changed.data.id);
    },
  });
}
