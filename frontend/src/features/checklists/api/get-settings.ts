// GET /settings: the municipality's settings (the phase gate's mode) with
// their ETag. Everyone on the staff may read them, so the case page can say
// in advance what a phase move will do.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { settingsKeys, type Versioned } from './keys';

export type Settings = Schemas['Settings'];
export type GateMode = Settings['phase_gate'];

export const settingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.all,
    queryFn: async ({ signal }): Promise<Versioned<Settings>> => {
      const res = await api.GET('/settings', { signal });
      const data = unwrap(res);
      return { data, etag: etagOf(res.response) || `"${data.version}"` };
    },
  });

export function useSettings(options: { staleTime?: number } = {}) {
  return useQuery({ ...settingsQuery(), ...options });
}
