import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { userKeys, type Versioned } from './keys';

/** POST /users. Refreshes every user list. */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateUserRequest']): Promise<Versioned<Schemas['User']>> => {
      const res = await api.POST('/users', { body });
      return { data: unwrap(res), etag: etagOf(res.response) };
    },
    onSuccess: (created) => {
      qc.setQueryData(userKeys.detail(created.data.id), created);
      // Everything under ['users'] (lists here and in other features, e.g. the
      // case screens' staff lists) except the detail just stored.
      void qc.invalidateQueries({ queryKey: userKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
