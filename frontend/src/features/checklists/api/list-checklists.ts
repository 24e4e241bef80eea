// GET /cases/{case_id}/checklists: every checklist of the case, newest first.
// The one of the phase the case is in has current=true; the server creates it
// on first view for an open case.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { checklistKeys } from './keys';

export type Checklist = Schemas['Checklist'];
export type ChecklistList = Schemas['ChecklistList'];
export type ChecklistItem = Schemas['ChecklistItem'];
export type Principle = Schemas['Principle'];
export type PrincipleCode = Principle['code'];
export type ItemStatus = ChecklistItem['status'];
export type Applicability = ChecklistItem['applicability'];

export const checklistsQuery = (caseId: string) =>
  queryOptions({
    queryKey: checklistKeys.list(caseId),
    queryFn: async ({ signal }): Promise<ChecklistList> =>
      unwrap(await api.GET('/cases/{case_id}/checklists', { params: { path: { case_id: caseId } }, signal })),
  });

export function useChecklists(caseId: string) {
  return useQuery(checklistsQuery(caseId));
}

/** The checklist of the phase the case is in now, if any (closed cases have none). */
export function currentOf(list: ChecklistList | undefined): Checklist | undefined {
  return list?.items.find((c) => c.current);
}

/** Puts a checklist the API answered with into the case's list (replacing the old copy). */
export function storeChecklist(qc: QueryClient, changed: Checklist) {
  qc.setQueryData<ChecklistList>(checklistKeys.list(changed.case_id), (old) =>
    old ? { ...old, items: old.items.map((c) => (c.id === changed.id ? changed : c)) } : old,
  );
}
