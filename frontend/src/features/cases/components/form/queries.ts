// What the form reads: the case with its ETag (from get-case.ts), the user's
// own teams, and the staff of a team who can coordinate a case (from
// list-staff.ts).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { useStaff } from '../../api/list-staff';

export { caseQuery, type CaseWithEtag } from '../../api/get-case';

/** The user's own teams (an administrator would see all). */
export function useMyTeams() {
  return useQuery({
    queryKey: ['case-form', 'teams'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/teams', { signal })).items,
    staleTime: 5 * 60_000,
  });
}

/** Active caseworkers and leaders of a team: the people who may coordinate its cases. */
export function useTeamStaff(teamId: string) {
  return useStaff(teamId, { enabled: teamId !== '' });
}
