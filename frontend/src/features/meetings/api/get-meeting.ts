// GET /meetings/{id}: one meeting with its ETag. Read fresh after a 412, so
// the form can send the latest version.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '@/lib/api/client';
import { meetingKeys, type Versioned } from './keys';
import type { Meeting } from './list-meetings';

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: async ({ signal }): Promise<Versioned<Meeting>> => {
      const res = await api.GET('/meetings/{id}', { params: { path: { id } }, signal });
      const data = unwrap(res);
      return { data, etag: etagOf(res.response) || `"${data.version}"` };
    },
  });

export function useMeeting(id: string) {
  return useQuery(meetingQuery(id));
}
