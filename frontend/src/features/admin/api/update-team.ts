import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { meKeys } from '@/features/auth/api/get-me';
import { teamKeys, userKeys, type Versioned } from './keys';

export type UpdateTeamVars = { id: string; etag: string; body: Schemas['TeamRequest'] };

/** PATCH /teams/{id} (rename) with If-Match. A stale ETag fails with 412. */
export function useUpdateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, body }: UpdateTeamVars): Promise<Versioned<Schemas['Team']>> => {
      const res = await api.PATCH('/teams/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body });
      return { data: unwrap(res), etag: etagOf(res.response) };
    },
    onSuccess: (updated) => {
      qc.setQueryData(teamKeys.detail(updated.data.id), updated);
      void qc.invalidateQueries({ queryKey: teamKeys.lists() });
      // Team names appear in user lists and in the user's own profile.
      void qc.invalidateQueries({ queryKey: userKeys.all });
      void qc.invalidateQueries({ queryKey: meKeys.all });
    },
  });
}
