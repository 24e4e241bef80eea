import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { teamKeys } from './keys';

/** GET /teams: every team for an administrator, ordered by name. */
export const teamsQuery = () =>
  queryOptions({
    queryKey: teamKeys.list(),
    queryFn: async () => unwrap(await api.GET('/teams')),
  });

export function useTeams(options: { enabled?: boolean } = {}) {
  return useQuery({ ...teamsQuery(), enabled: options.enabled ?? true });
}
