// Query-key factories for users and teams: every query and invalidation goes
// through them. Lists sit under ['users', 'list'] and ['teams', 'list'] so any
// feature that lists users or teams is refreshed when administration changes
// them.
import type { paths } from '@/lib/api/schema.gen';

export type UserListParams = NonNullable<paths['/users']['get']['parameters']['query']>;

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};

export const teamKeys = {
  all: ['teams'] as const,
  lists: () => [...teamKeys.all, 'list'] as const,
  list: () => [...teamKeys.lists(), {}] as const,
  details: () => [...teamKeys.all, 'detail'] as const,
  detail: (id: string) => [...teamKeys.details(), id] as const,
};

/** A resource with the ETag it was read at, for If-Match on the next change. */
export type Versioned<T> = { data: T; etag: string };
