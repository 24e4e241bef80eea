// PATCH /cases/{id} with If-Match. Throws ApiError: 412 when someone else
// saved in the meantime (problem.current_etag names the latest version), 409
// when the case is closed, 428 if the ETag was missing, 422/400 with field
// errors. On success the detail cache gets the new version and its ETag.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { storeChangedCase, toCaseWithEtag, type CaseWithEtag } from './get-case';

export type UpdateCaseVars = { id: string; etag: string; body: Schemas['UpdateCaseRequest'] };

export async function updateCase({ id, etag, body }: UpdateCaseVars): Promise<CaseWithEtag> {
  return toCaseWithEtag(await api.PATCH('/cases/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

export function useUpdateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateCase,
    onSuccess: (updated) => void storeChangedCase(qc, updated),
  });
}
