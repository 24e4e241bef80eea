import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { userKeys, type UserListParams } from './keys';

/** GET /users: one page of users (ordered by name), filtered by team and role. */
export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/users', { params: { query: params } })),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useUsers(params: UserListParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...usersQuery(params), enabled: options.enabled ?? true });
}
