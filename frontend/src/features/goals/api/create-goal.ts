// POST /cases/{case_id}/goals: a new draft goal (with parent_id: a sub-goal).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { afterGoalChange } from './cache';
import { storeChangedGoal, toGoalWithEtag, type GoalWithEtag } from './get-goal';

export async function createGoal(caseId: string, body: Schemas['GoalInput']): Promise<GoalWithEtag> {
  return toGoalWithEtag(await api.POST('/cases/{case_id}/goals', { params: { path: { case_id: caseId } }, body }));
}

export function useCreateGoal(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['GoalInput']) => createGoal(caseId, body),
    onSuccess: (created) => {
      storeChangedGoal(qc, created);
      return afterGoalChange(qc, caseId);
    },
  });
}
