// Query-key factory for cases: every query and invalidation goes through it.
import type { paths } from '@/lib/api/schema.gen';

export type CaseListParams = NonNullable<paths['/cases']['get']['parameters']['query']>;

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...caseKeys.lists(), params] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};
