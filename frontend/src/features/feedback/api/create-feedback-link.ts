// POST /meetings/{id}/feedback-links: a one-time link for the citizen's
// phone (ORS, SRS, the three questions and/or topics for the agenda). The
// token is in this answer only; the server keeps its hash. Nothing is cached.
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type FeedbackLink = Schemas['FeedbackLink'];
export type LinkPart = Schemas['FeedbackLinkRequest']['parts'][number];
export const LINK_PARTS = ['ors', 'srs', 'questions', 'topics'] as const satisfies readonly LinkPart[];

export async function createFeedbackLink(meetingId: string, body: Schemas['FeedbackLinkRequest']): Promise<FeedbackLink> {
  return unwrap(await api.POST('/meetings/{id}/feedback-links', { params: { path: { id: meetingId } }, body }));
}

export function useCreateFeedbackLink(meetingId: string) {
  return useMutation({ mutationFn: (body: Schemas['FeedbackLinkRequest']) => createFeedbackLink(meetingId, body) });
}

/** The address the citizen opens: the app's own origin and the server's path. */
export function absoluteLink(url: string, origin: string): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return origin + url;
  }
}
