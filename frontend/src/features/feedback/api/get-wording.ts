// GET /fit/wording?lang=: the scales' item labels, line ends and
// introductions, and the three questions, in the reader's language (BIC's
// own short names unless the municipality has loaded its licensed wording).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import type { Lang } from '@/lib/i18n';
import { feedbackKeys } from './keys';

export type FitWording = Schemas['FitWording'];

export const wordingQuery = (lang: Lang) =>
  queryOptions({
    queryKey: feedbackKeys.wording(lang),
    queryFn: async ({ signal }): Promise<FitWording> => unwrap(await api.GET('/fit/wording', { params: { query: { lang } }, signal })),
    staleTime: 60 * 60_000,
  });

export function useWording(lang: Lang) {
  return useQuery(wordingQuery(lang));
}
