// POST /cases/{id}/phase with If-Match.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { storeChangedCase, toCaseWithEtag } from './get-case';

export type MovePhaseVars = Schemas['MovePhaseRequest'] & { etag: string };

export async function movePhase(id: string, { etag, ...body }: MovePhaseVars) {
  return toCaseWithEtag(
    await api.POST('/cases/{id}/phase', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function useMovePhase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: MovePhaseVars) => movePhase(id, vars),
    onSuccess: (changed) => storeChangedCase(qc, changed),
  });
}
