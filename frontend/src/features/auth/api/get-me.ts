import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const meKeys = { all: ['me'] as const };

export const meQuery = () =>
  queryOptions({
    queryKey: meKeys.all,
    queryFn: async () => unwrap(await api.GET('/me')),
    staleTime: 5 * 60_000,
  });

/** The logged-in user (role and teams). */
export function useMe() {
  return useQuery(meQuery());
}
