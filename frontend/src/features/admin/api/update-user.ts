import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { meKeys } from '@/features/auth/api/get-me';
import { userKeys, type Versioned } from './keys';

export type UpdateUserVars = { id: string; etag: string; body: Schemas['UpdateUserRequest'] };

/** PATCH /users/{id} with If-Match. A stale ETag fails with 412. Refreshes every user list. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, body }: UpdateUserVars): Promise<Versioned<Schemas['User']>> => {
      const res = await api.PATCH('/users/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body });
      return { data: unwrap(res), etag: etagOf(res.response) };
    },
    onSuccess: (updated) => {
      qc.setQueryData(userKeys.detail(updated.data.id), updated);
      // Everything under ['users'] (lists here and in other features, e.g. the
      // case screens' staff lists) except the detail just stored.
      void qc.invalidateQueries({ queryKey: userKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      // The administrator may have changed themselves (name shown in the header).
      void qc.invalidateQueries({ queryKey: meKeys.all });
    },
  });
}
