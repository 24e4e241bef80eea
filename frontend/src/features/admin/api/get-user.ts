import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { userKeys, type Versioned } from './keys';

/** GET /users/{id} with its ETag. Always refetched on open: the ETag must be fresh. */
export const userQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: async (): Promise<Versioned<Schemas['User']>> => {
      const res = await api.GET('/users/{id}', { params: { path: { id } } });
      return { data: unwrap(res), etag: etagOf(res.response) };
    },
    staleTime: 0,
  });

export function useUser(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...userQuery(id), enabled: options.enabled ?? true });
}
