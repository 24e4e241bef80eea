// GET /cases/{id}/cpr: the full CPR number. Every call is written to the audit
// log, so it only runs when the user asks (a mutation: never cached, never
// refetched in the background).
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function revealCpr(id: string) {
  return unwrap(await api.GET('/cases/{id}/cpr', { params: { path: { id } } }));
}

export function useRevealCpr(id: string) {
  return useMutation({ mutationFn: () => revealCpr(id) });
}
