// GET /meetings/{id}/feedback: the meeting's ORS, SRS, answers to the three
// questions and signals, and the previous meeting's signals with what was
// done about them ("you said — we did").
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { feedbackKeys } from './keys';

export type MeetingFeedback = Schemas['MeetingFeedback'];
export type FeedbackAnswers = Schemas['FeedbackAnswers'];

export const meetingFeedbackQuery = (id: string) =>
  queryOptions({
    queryKey: feedbackKeys.meeting(id),
    queryFn: async ({ signal }): Promise<MeetingFeedback> =>
      unwrap(await api.GET('/meetings/{id}/feedback', { params: { path: { id } }, signal })),
  });

export function useMeetingFeedback(id: string) {
  return useQuery(meetingFeedbackQuery(id));
}
