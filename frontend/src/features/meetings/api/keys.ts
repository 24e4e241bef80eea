// Query-key factory for meetings: every query and invalidation goes through
// it. A case's meeting data (the list and the contact status) sits under
// meetingKeys.case(caseId), so one invalidation refreshes both after a change.
export const meetingKeys = {
  all: ['meetings'] as const,
  case: (caseId: string) => [...meetingKeys.all, 'case', caseId] as const,
  list: (caseId: string) => [...meetingKeys.case(caseId), 'list'] as const,
  contact: (caseId: string) => [...meetingKeys.case(caseId), 'contact'] as const,
  detail: (id: string) => [...meetingKeys.all, 'meeting', id] as const,
};

/** A resource with the ETag it was read at, for If-Match on the next change. */
export type Versioned<T> = { data: T; etag: string };
