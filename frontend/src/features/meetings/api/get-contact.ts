// GET /cases/{case_id}/contact: actual contact against the contact agreement
// (on track, overdue, or no agreement), the last held meeting and when the
// next one is due.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { meetingKeys } from './keys';

export type ContactStatus = Schemas['ContactStatus'];

export const contactQuery = (caseId: string) =>
  queryOptions({
    queryKey: meetingKeys.contact(caseId),
    queryFn: async ({ signal }): Promise<ContactStatus> =>
      unwrap(await api.GET('/cases/{case_id}/contact', { params: { path: { case_id: caseId } }, signal })),
  });

export function useContact(caseId: string) {
  return useQuery(contactQuery(caseId));
}
