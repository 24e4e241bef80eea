// PATCH /meetings/{id} with If-Match: changes part of a meeting (lists are
// replaced whole; items to keep go back with their ids). Throws ApiError:
// 412 when someone else saved first, 409 when the case is closed, 422 with
// field errors. The meeting, the case's list and its contact status follow.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { meetingKeys, type Versioned } from './keys';
import type { Meeting } from './list-meetings';

export type MeetingChange = Schemas['MeetingChange'];
export type UpdateMeetingVars = { id: string; etag: string; body: MeetingChange };

export async function updateMeeting({ id, etag, body }: UpdateMeetingVars): Promise<Versioned<Meeting>> {
  const res = await api.PATCH('/meetings/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body });
  const data = unwrap(res);
  return { data, etag: etagOf(res.response) || `"${data.version}"` };
}

export function useUpdateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateMeeting,
    onSuccess: (changed) => {
      qc.setQueryData(meetingKeys.detail(changed.data.id), changed);
      return qc.invalidateQueries({ queryKey: meetingKeys.case(changed.data.case_id) });
    },
  });
}
