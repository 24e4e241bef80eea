// GET /cases/{id}: the case together with its ETag, which every change sends
// back as If-Match. The edit form uses this too; keep the shape stable.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { caseKeys } from './keys';

export type Case = Schemas['Case'];

/** A case as read from the API, with the version to send as If-Match. */
export type CaseWithEtag = { data: Case; etag: string };

/**
 * Turns a response that carries a case (GET, PATCH, close, reopen, phase) into
 * `{ data, etag }`, or throws ApiError.
 */
export function toCaseWithEtag(result: { data?: Case; error?: unknown; response: Response }): CaseWithEtag {
  const data = unwrap(result);
  return { data, etag: etagOf(result.response) || `"${data.version}"` };
}

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: async ({ signal }): Promise<CaseWithEtag> =>
      toCaseWithEtag(await api.GET('/cases/{id}', { params: { path: { id } }, signal })),
  });

/** The case and its ETag: `useCase(id).data` is `{ data: Case, etag }`. */
export function useCase(id: string) {
  return useQuery(caseQuery(id));
}

/**
 * After a change the API answers with the new case and ETag: store them as the
 * detail and let every list fetch again.
 */
export function storeChangedCase(qc: QueryClient, changed: CaseWithEtag) {
  qc.setQueryData(caseKeys.detail(changed.data.id), changed);
  return qc.invalidateQueries({ queryKey: caseKeys.lists() });
}
