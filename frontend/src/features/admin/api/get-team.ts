import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { teamKeys, type Versioned } from './keys';

/** GET /teams/{id} with its ETag. Always refetched on open: the ETag must be fresh. */
export const teamQuery = (id: string) =>
  queryOptions({
    queryKey: teamKeys.detail(id),
    queryFn: async (): Promise<Versioned<Schemas['Team']>> => {
      const res = await api.GET('/teams/{id}', { params: { path: { id } } });
      return { data: unwrap(res), etag: etagOf(res.response) };
    },
    staleTime: 0,
  });

export function useTeam(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...teamQuery(id), enabled: options.enabled ?? true });
}
