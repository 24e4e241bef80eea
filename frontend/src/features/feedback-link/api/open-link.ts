// POST /public/feedback/open {token, lang}: the first name, the meeting date,
// the parts and their wording in the citizen's language. Throws ApiError; a
// 404 means the link is unknown, expired or used up. It is a POST (the token
// stays out of URLs and logs) but reads nothing but the link, so it is a query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { toApiError, type Schemas } from '@/lib/api/client';
import type { Lang } from '@/lib/i18n';
import { publicApi } from './public-client';
import { feedbackLinkKeys } from './keys';

export type LinkView = Schemas['FeedbackLinkView'];

export async function openLink(token: string, lang: Lang, signal?: AbortSignal): Promise<LinkView> {
  let res;
  try {
    res = await publicApi.POST('/public/feedback/open', { body: { token, lang }, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw toApiError(0, undefined);
  }
  if (!res.data) throw toApiError(res.response.status, res.error);
  return res.data;
}

export function useOpenLink(token: string, lang: Lang, enabled = true) {
  return useQuery({
    queryKey: feedbackLinkKeys.view(token, lang),
    queryFn: ({ signal }) => openLink(token, lang, signal),
    // On a language switch the page stays (with what is typed) while the new wording loads.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}
