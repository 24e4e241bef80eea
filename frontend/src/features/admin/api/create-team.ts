import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { teamKeys, type Versioned } from './keys';

/** POST /teams. Refreshes the team list. */
export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['TeamRequest']): Promise<Versioned<Schemas['Team']>> => {
      const res = await api.POST('/teams', { body });
      return { data: unwrap(res), etag: etagOf(res.response) };
    },
    onSuccess: (created) => {
      qc.setQueryData(teamKeys.detail(created.data.id), created);
      void qc.invalidateQueries({ queryKey: teamKeys.lists() });
    },
  });
}
