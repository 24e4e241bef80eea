// Query-key factories for the checklists feature: every query and
// invalidation goes through them. A case's checklists sit under
// checklistKeys.case(caseId), so a phase move refreshes all of them at once.
import type { paths } from '@/lib/api/schema.gen';

export type InsightParams = NonNullable<paths['/insights/principles']['get']['parameters']['query']>;
export type InsightCaseParams = paths['/insights/principles/cases']['get']['parameters']['query'];

export const checklistKeys = {
  all: ['checklists'] as const,
  case: (caseId: string) => [...checklistKeys.all, 'case', caseId] as const,
  list: (caseId: string) => [...checklistKeys.case(caseId), 'list'] as const,
  detail: (caseId: string, id: string) => [...checklistKeys.case(caseId), 'detail', id] as const,
};

export const settingsKeys = {
  all: ['settings'] as const,
};

export const insightKeys = {
  all: ['insights'] as const,
  overview: (params: InsightParams) => [...insightKeys.all, 'principles', params] as const,
  cases: (params: Omit<InsightCaseParams, 'cursor'>) => [...insightKeys.all, 'principle-cases', params] as const,
};

/** A resource with the ETag it was read at, for If-Match on the next change. */
export type Versioned<T> = { data: T; etag: string };
