// POST /meetings/{id}/ors and /srs: the caseworker enters a rating with the
// citizen (or a relative or provider, as a collateral rater). Throws
// ApiError: 422 with field errors (items.overall …), 409 when the rater has
// rated this meeting already (correct it instead) or the case is closed.
// A new score may raise a signal, so the meeting's feedback, the case's
// reading and signals and the caseworker's own list are fetched again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { feedbackKeys } from './keys';
import type { Rater, Scale, Score } from './get-fit';

export type ORSItems = Schemas['ORSItems'];
export type SRSItems = Schemas['SRSItems'];
export type RecordScoreVars =
  | { scale: 'ors'; meetingId: string; rater: Rater; items: ORSItems }
  | { scale: 'srs'; meetingId: string; rater: Rater; items: SRSItems };

export async function recordScore(v: RecordScoreVars): Promise<Score> {
  const params = { path: { id: v.meetingId } };
  if (v.scale === 'ors') return unwrap(await api.POST('/meetings/{id}/ors', { params, body: { rater: v.rater, items: v.items } }));
  return unwrap(await api.POST('/meetings/{id}/srs', { params, body: { rater: v.rater, items: v.items } }));
}

export function useRecordScore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: recordScore,
    onSuccess: () => qc.invalidateQueries({ queryKey: feedbackKeys.scores() }),
  });
}

export type { Scale };
