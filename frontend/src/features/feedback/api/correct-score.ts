// PATCH /meetings/{id}/ors and /srs with If-Match (the score's version):
// corrects a rating, with a required reason; the earlier values stay in the
// score's corrections. Throws ApiError: 412 when the score changed since it
// was read, 422 with field errors (reason, items.*).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { feedbackKeys } from './keys';
import type { Rater, Score } from './get-fit';
import type { ORSItems, SRSItems } from './record-score';

export type CorrectScoreVars =
  | { scale: 'ors'; meetingId: string; version: number; rater: Rater; items: ORSItems; reason: string }
  | { scale: 'srs'; meetingId: string; version: number; rater: Rater; items: SRSItems; reason: string };

export async function correctScore(v: CorrectScoreVars): Promise<Score> {
  const params = { path: { id: v.meetingId }, header: { 'If-Match': `"${v.version}"` } };
  if (v.scale === 'ors')
    return unwrap(await api.PATCH('/meetings/{id}/ors', { params, body: { rater: v.rater, items: v.items, reason: v.reason } }));
  return unwrap(await api.PATCH('/meetings/{id}/srs', { params, body: { rater: v.rater, items: v.items, reason: v.reason } }));
}

export function useCorrectScore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: correctScore,
    // Settled, not success: after a 412 the form needs the latest version.
    onSettled: () => qc.invalidateQueries({ queryKey: feedbackKeys.scores() }),
  });
}
