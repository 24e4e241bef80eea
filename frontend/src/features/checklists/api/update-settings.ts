// PATCH /settings with If-Match (administrators only). A stale ETag fails
// with 412.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { settingsKeys, type Versioned } from './keys';
import type { Settings } from './get-settings';

export type UpdateSettingsVars = { etag: string; body: Schemas['SettingsRequest'] };

export async function updateSettings({ etag, body }: UpdateSettingsVars): Promise<Versioned<Settings>> {
  const res = await api.PATCH('/settings', { params: { header: { 'If-Match': etag } }, body });
  const data = unwrap(res);
  return { data, etag: etagOf(res.response) || `"${data.version}"` };
}

export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (changed) => qc.setQueryData(settingsKeys.all, changed),
  });
}
