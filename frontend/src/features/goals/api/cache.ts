// After any change to a goal: refresh the case's goal data (list, plan,
// board), the goal itself and its progress, and the case (its ETag and next
// follow-up date may follow from goal work).
import type { QueryClient } from '@tanstack/react-query';
import { caseKeys } from '@/features/cases/api/keys';
import { goalKeys } from './keys';

export function afterGoalChange(qc: QueryClient, caseId: string, goalId?: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: goalKeys.case(caseId) }),
    goalId ? qc.invalidateQueries({ queryKey: goalKeys.goal(goalId) }) : undefined,
    qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    qc.invalidateQueries({ queryKey: caseKeys.lists() }),
  ]);
}
