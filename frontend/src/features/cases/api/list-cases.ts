// GET /cases: one keyset page of the case list.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { caseKeys, type CaseListParams } from './keys';

export const casesQuery = (params: CaseListParams) =>
  queryOptions({
    queryKey: caseKeys.list(params),
    queryFn: async ({ signal }) => unwrap(await api.GET('/cases', { params: { query: params }, signal })),
    // Keep the current page on screen (and the pager under the keyboard
    // user's focus) while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useCases(params: CaseListParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...casesQuery(params), enabled: options.enabled ?? true });
}
