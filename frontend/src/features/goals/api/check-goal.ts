// POST /cases/{case_id}/goals/check: the server's SMART check of unsaved
// fields. useSmartCheck sends the form ~400 ms after the user stops typing;
// the previous answer stays on screen meanwhile, and an answer that arrives
// for text that has since changed is dropped (the query key is the body).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { goalKeys } from './keys';

export type SmartCheck = Schemas['SmartCheck'];
export const CHECK_DELAY_MS = 400;

export async function checkGoal(caseId: string, body: Schemas['GoalInput'], signal?: AbortSignal): Promise<SmartCheck> {
  return unwrap(await api.POST('/cases/{case_id}/goals/check', { params: { path: { case_id: caseId } }, body, signal }));
}

/** The value, once it has stayed the same for `delay` ms (the first one at once). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(id);
  }, [value, delay]);
  return settled;
}

export function useSmartCheck(caseId: string, input: Schemas['GoalInput'], options: { enabled?: boolean } = {}) {
  const body = useDebounced(JSON.stringify(input), CHECK_DELAY_MS);
  return useQuery({
    queryKey: goalKeys.check(caseId, body),
    queryFn: ({ signal }) => checkGoal(caseId, JSON.parse(body) as Schemas['GoalInput'], signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    gcTime: 60_000,
    retry: false,
    enabled: options.enabled ?? true,
  });
}
