// POST /cases/{id}/reopen with If-Match.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { storeChangedCase, toCaseWithEtag } from './get-case';

export type ReopenCaseVars = Schemas['ReopenCaseRequest'] & { etag: string };

export async function reopenCase(id: string, { etag, ...body }: ReopenCaseVars) {
  return toCaseWithEtag(
    await api.POST('/cases/{id}/reopen', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function useReopenCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: ReopenCaseVars) => reopenCase(id, vars),
    onSuccess: (changed) => storeChangedCase(qc, changed),
  });
}
