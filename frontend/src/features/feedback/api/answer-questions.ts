// POST /meetings/{id}/questions: the model's three feedback questions,
// entered with the citizen. Once per meeting (409 after that). A "no" to the
// first question or anything to change next time raises a signal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { feedbackKeys } from './keys';

export type FeedbackAnswersRequest = Schemas['FeedbackAnswersRequest'];
export type Answer = FeedbackAnswersRequest['meeting_ok'];
export const ANSWERS = ['yes', 'partly', 'no'] as const satisfies readonly Answer[];

export async function answerQuestions(meetingId: string, body: FeedbackAnswersRequest): Promise<void> {
  unwrap(await api.POST('/meetings/{id}/questions', { params: { path: { id: meetingId } }, body }));
}

export function useAnswerQuestions(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackAnswersRequest) => answerQuestions(meetingId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: feedbackKeys.scores() }),
  });
}
