// Query-key factory for goals: every query and invalidation goes through it.
// Case-scoped data (the goal list, and the plan, board and follow-ups of the
// same case) sits under goalKeys.case(caseId), so one invalidation refreshes
// all of it after a change; goal-scoped data under goalKeys.goal(id).
export const goalKeys = {
  all: ['goals'] as const,
  case: (caseId: string) => [...goalKeys.all, 'case', caseId] as const,
  list: (caseId: string) => [...goalKeys.case(caseId), 'list'] as const,
  plan: (caseId: string) => [...goalKeys.case(caseId), 'plan'] as const,
  board: (caseId: string) => [...goalKeys.case(caseId), 'board'] as const,
  followUps: (caseId: string) => [...goalKeys.case(caseId), 'follow-ups'] as const,
  goal: (id: string) => [...goalKeys.all, 'goal', id] as const,
  detail: (id: string) => [...goalKeys.goal(id), 'detail'] as const,
  progress: (id: string) => [...goalKeys.goal(id), 'progress'] as const,
  // The live SMART check of unsaved fields; never invalidated, only replaced.
  check: (caseId: string, body: string) => [...goalKeys.all, 'check', caseId, body] as const,
};
