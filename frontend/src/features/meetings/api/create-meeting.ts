// POST /cases/{case_id}/meetings: plans (or records) a meeting. Throws
// ApiError: 422 with field errors (starts_at, agenda[0].text …), 409 when the
// case is closed. The case's meetings and contact status are fetched again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { meetingKeys, type Versioned } from './keys';
import type { Meeting } from './list-meetings';

export type MeetingRequest = Schemas['MeetingRequest'];

export async function createMeeting(caseId: string, body: MeetingRequest): Promise<Versioned<Meeting>> {
  const res = await api.POST('/cases/{case_id}/meetings', { params: { path: { case_id: caseId } }, body });
  const data = unwrap(res);
  return { data, etag: etagOf(res.response) || `"${data.version}"` };
}

export function useCreateMeeting(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingRequest) => createMeeting(caseId, body),
    onSuccess: (made) => {
      qc.setQueryData(meetingKeys.detail(made.data.id), made);
      return qc.invalidateQueries({ queryKey: meetingKeys.case(caseId) });
    },
  });
}
