// GET /users: the colleagues a case can be filtered by (caseworkers and
// leaders the user can see: the active members of their own teams).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type StaffMember = Schemas['User'];

// Under ['users'] so that changes in user administration refresh it too.
export const staffKeys = {
  all: ['users', 'staff'] as const,
  list: (teamId?: string) => [...staffKeys.all, teamId ?? 'all'] as const,
};

const MAX_PAGES = 10;

export const staffQuery = (teamId?: string) =>
  queryOptions({
    queryKey: staffKeys.list(teamId),
    queryFn: async ({ signal }) => {
      const out: StaffMember[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = { limit: 200, ...(teamId ? { team_id: teamId } : {}), ...(cursor ? { cursor } : {}) };
        const res = unwrap(await api.GET('/users', { params: { query }, signal }));
        out.push(...res.items);
        cursor = res.next_cursor;
        if (!cursor) break;
      }
      return out
        .filter((u) => u.active && (u.role === 'caseworker' || u.role === 'leader'))
        .sort((a, b) => a.name.localeCompare(b.name, 'da'));
    },
    staleTime: 5 * 60_000,
  });

export function useStaff(teamId?: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...staffQuery(teamId), enabled: options.enabled ?? true });
}
