// POST /cases/cpr-lookup: the number travels in the body, never in a URL, and
// is not kept in the query cache either; hence a mutation.
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type CprLookupRequest = Schemas['CPRLookupRequest'];

export async function lookupCpr(body: CprLookupRequest) {
  return unwrap(await api.POST('/cases/cpr-lookup', { body }));
}

export function useCprLookup() {
  return useMutation({ mutationFn: lookupCpr });
}
