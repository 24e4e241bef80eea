// Feedback signals: GET /cases/{case_id}/signals (a case's, open ones
// first), GET /signals?mine=true (open signals on the caseworker's own
// cases: "cases that need attention"), and POST /signals/{id}/response
// (what will change; shown at the start of the next meeting).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { feedbackKeys } from './keys';

export type Signal = Schemas['FeedbackSignal'];
export type SignalKind = Signal['kind'];

export const caseSignalsQuery = (caseId: string) =>
  queryOptions({
    queryKey: feedbackKeys.signals(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/cases/{case_id}/signals', { params: { path: { case_id: caseId } }, signal })).items,
  });

export function useCaseSignals(caseId: string) {
  return useQuery(caseSignalsQuery(caseId));
}

export const mySignalsQuery = () =>
  queryOptions({
    queryKey: feedbackKeys.mine(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/signals', { params: { query: { mine: true } }, signal })).items,
  });

export function useMySignals(enabled = true) {
  return useQuery({ ...mySignalsQuery(), enabled });
}

export async function respondToSignal(id: string, note: string): Promise<Signal> {
  return unwrap(await api.POST('/signals/{id}/response', { params: { path: { id } }, body: { note } }));
}

export function useRespondToSignal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => respondToSignal(id, note),
    onSuccess: () => qc.invalidateQueries({ queryKey: feedbackKeys.scores() }),
  });
}

/** Open (unanswered) signals. */
export function isOpen(s: Signal): boolean {
  return !s.responded_at && !s.response;
}
