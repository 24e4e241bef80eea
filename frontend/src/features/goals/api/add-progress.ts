// POST /goals/{id}/progress: one dated measurement from the citizen, the
// caseworker or the provider.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { afterGoalChange } from './cache';

export type ProgressInput = Schemas['ProgressInput'];

export async function addProgress(goalId: string, body: ProgressInput) {
  return unwrap(await api.POST('/goals/{id}/progress', { params: { path: { id: goalId } }, body }));
}

export function useAddProgress(caseId: string, goalId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgressInput) => addProgress(goalId, body),
    // Not awaited: the form is ready for the next measurement at once, while
    // the chart, table and lists fetch again.
    onSuccess: () => void afterGoalChange(qc, caseId, goalId),
  });
}
