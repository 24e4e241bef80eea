// GET /cases/{case_id}/checklists/{id}: one checklist with its ETag. Read
// fresh after a 412, so the form can send the latest version.
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, etagOf, unwrap } from '@/lib/api/client';
import { checklistKeys, type Versioned } from './keys';
import { storeChecklist, type Checklist } from './list-checklists';

export const checklistQuery = (caseId: string, id: string) =>
  queryOptions({
    queryKey: checklistKeys.detail(caseId, id),
    queryFn: async ({ signal }): Promise<Versioned<Checklist>> => {
      const res = await api.GET('/cases/{case_id}/checklists/{id}', { params: { path: { case_id: caseId, id } }, signal });
      const data = unwrap(res);
      return { data, etag: etagOf(res.response) || `"${data.version}"` };
    },
    staleTime: 0,
  });

/** Fetches the latest version of a checklist and puts it into the case's list. */
export function useReloadChecklist(caseId: string) {
  const qc = useQueryClient();
  return useCallback(
    async (id: string): Promise<Versioned<Checklist>> => {
      const latest = await qc.fetchQuery(checklistQuery(caseId, id));
      storeChecklist(qc, latest.data);
      return latest;
    },
    [qc, caseId],
  );
}
