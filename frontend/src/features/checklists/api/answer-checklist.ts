// PATCH /cases/{case_id}/checklists/{id} with If-Match: answers some
// principles in one go. Throws ApiError: 412 when someone else saved first
// (problem.current_etag), 409 when the case is closed, 422 with field errors
// such as items[2].note (a note is required for not applied and not relevant
// now). On success the case's list holds the new version.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { checklistKeys, type Versioned } from './keys';
import { storeChecklist, type Checklist } from './list-checklists';

export type AnswerChecklistVars = { caseId: string; id: string; etag: string; body: Schemas['AnswerChecklistRequest'] };

export async function answerChecklist({ caseId, id, etag, body }: AnswerChecklistVars): Promise<Versioned<Checklist>> {
  const res = await api.PATCH('/cases/{case_id}/checklists/{id}', {
    params: { path: { case_id: caseId, id }, header: { 'If-Match': etag } },
    body,
  });
  const data = unwrap(res);
  return { data, etag: etagOf(res.response) || `"${data.version}"` };
}

export function useAnswerChecklist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: answerChecklist,
    onSuccess: (changed) => {
      storeChecklist(qc, changed.data);
      qc.setQueryData(checklistKeys.detail(changed.data.case_id, changed.data.id), changed);
    },
  });
}
