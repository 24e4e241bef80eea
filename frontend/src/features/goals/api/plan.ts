// GET /cases/{case_id}/plan: the citizen's own plan in plain words (Min plan,
// and the meeting board). No CPR number in it. The board records today's
// values with POST /goals/{id}/progress; the plan is fetched again after.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { afterGoalChange } from './cache';
import { goalKeys } from './keys';

export type Plan = Schemas['Plan'];
export type PlanGoal = Schemas['PlanGoal'];
export type PlanContact = Schemas['PlanContact'];
export type Rater = Schemas['ProgressInput']['rater'];

export const planQuery = (caseId: string) =>
  queryOptions({
    queryKey: goalKeys.plan(caseId),
    queryFn: async ({ signal }): Promise<Plan> =>
      unwrap(await api.GET('/cases/{case_id}/plan', { params: { path: { case_id: caseId } }, signal })),
  });

export function usePlan(caseId: string) {
  return useQuery(planQuery(caseId));
}

/** Today's values for one goal; raters left out are not recorded. */
export type BoardValues = { goalId: string; measuredOn: string; values: Partial<Record<Rater, number>> };

/** Some of the values were saved before one failed; `cause` is the failure. */
export class PartlySavedError extends Error {
  readonly saved: number;
  override readonly cause: unknown;
  constructor(saved: number, cause: unknown) {
    super('partly saved');
    this.name = 'PartlySavedError';
    this.saved = saved;
    this.cause = cause;
  }
}

/** Records each given value as its own measurement (one POST per rater). */
export async function recordValues({ goalId, measuredOn, values }: BoardValues): Promise<Schemas['Progress'][]> {
  const out: Schemas['Progress'][] = [];
  for (const [rater, value] of Object.entries(values) as [Rater, number | undefined][]) {
    if (value === undefined) continue;
    try {
      out.push(
        unwrap(await api.POST('/goals/{id}/progress', { params: { path: { id: goalId } }, body: { measured_on: measuredOn, rater, value } })),
      );
    } catch (err) {
      throw out.length ? new PartlySavedError(out.length, err) : err;
    }
  }
  return out;
}

export function useRecordValues(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: recordValues,
    onSettled: (_data, _err, vars) => afterGoalChange(qc, caseId, vars.goalId),
  });
}
