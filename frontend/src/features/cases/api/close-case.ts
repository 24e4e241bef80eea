// POST /cases/{id}/close with If-Match.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { storeChangedCase, toCaseWithEtag } from './get-case';

export type CloseCaseVars = Schemas['CloseCaseRequest'] & { etag: string };

export async function closeCase(id: string, { etag, ...body }: CloseCaseVars) {
  return toCaseWithEtag(
    await api.POST('/cases/{id}/close', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
  );
}

export function useCloseCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: CloseCaseVars) => closeCase(id, vars),
    onSuccess: (changed) => storeChangedCase(qc, changed),
  });
}
