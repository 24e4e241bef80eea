// POST /cases. On success the new case goes into the detail cache (with its
// ETag, so it can be edited at once) and the case lists are refreshed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { storeChangedCase, toCaseWithEtag, type CaseWithEtag } from './get-case';

export async function createCase(body: Schemas['CreateCaseRequest']): Promise<CaseWithEtag> {
  return toCaseWithEtag(await api.POST('/cases', { body }));
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (created) => void storeChangedCase(qc, created),
  });
}
