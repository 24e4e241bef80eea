// GET /cases/{case_id}/meetings: every meeting of the case (planned, held,
// cancelled), newest first.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { meetingKeys } from './keys';

export type Meeting = Schemas['Meeting'];
export type MeetingList = Schemas['MeetingList'];
export type MeetingForm = Meeting['form'];
export type MeetingStatus = Meeting['status'];
export type Participant = Schemas['MeetingParticipant'];
export type ParticipantKind = Participant['kind'];
export type AgendaItem = Schemas['MeetingAgendaItem'];
export type Agreement = Schemas['MeetingAgreement'];
export type Responsible = Agreement['responsible'];

export const MEETING_FORMS = ['office', 'home', 'walk_and_talk', 'video', 'phone', 'other'] as const satisfies readonly MeetingForm[];
export const PARTICIPANT_KINDS = ['citizen', 'relative', 'provider', 'network', 'colleague'] as const satisfies readonly ParticipantKind[];
export const RESPONSIBLES = ['citizen', 'caseworker', 'provider', 'relative', 'other'] as const satisfies readonly Responsible[];
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const satisfies readonly MeetingStatus[];

export const meetingsQuery = (caseId: string) =>
  queryOptions({
    queryKey: meetingKeys.list(caseId),
    queryFn: async ({ signal }): Promise<MeetingList> =>
      unwrap(await api.GET('/cases/{case_id}/meetings', { params: { path: { case_id: caseId } }, signal })),
  });

export function useMeetings(caseId: string) {
  return useQuery(meetingsQuery(caseId));
}
