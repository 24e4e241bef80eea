// POST /public/feedback/{ors|srs|questions|topics}: the citizen's answer to
// one part of the link. Each form makes its submission_id once and sends the
// same one on every retry, so the server stores the answer once (201, and
// 200 with stored=false for a retry of what it already has). A request that
// gets no answer (the phone lost the connection) or a gateway error is tried
// again automatically, twice, with the same body.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, toApiError, type Schemas } from '@/lib/api/client';
import type { Part } from '../feedback-model';
import { publicApi } from './public-client';

export type Receipt = Schemas['FeedbackReceipt'];

/** What each part sends besides the token and the submission id. */
export type PartPayload = {
  ors: Pick<Schemas['PublicORS'], 'items'>;
  srs: Pick<Schemas['PublicSRS'], 'items'>;
  questions: Omit<Schemas['PublicAnswers'], 'token' | 'submission_id'>;
  topics: Pick<Schemas['PublicTopics'], 'topics'>;
};

type Result = { data?: Receipt; error?: unknown; response: Response };

function post<P extends Part>(part: P, body: PartPayload[P] & { token: string; submission_id: string }): Promise<Result> {
  // One call per path, so each body is checked against its own schema.
  switch (part) {
    case 'ors':
      return publicApi.POST('/public/feedback/ors', { body: body as Schemas['PublicORS'] });
    case 'srs':
      return publicApi.POST('/public/feedback/srs', { body: body as Schemas['PublicSRS'] });
    case 'questions':
      return publicApi.POST('/public/feedback/questions', { body: body as Schemas['PublicAnswers'] });
    default:
      return publicApi.POST('/public/feedback/topics', { body: body as Schemas['PublicTopics'] });
  }
}

/** Waits between automatic retries (ms); a test may pass its own. */
export const RETRY_DELAYS = [700, 2000];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** No answer, or a gateway that did not reach the server: worth sending again. */
export function isTransient(status: number): boolean {
  return status === 0 || status === 502 || status === 503 || status === 504;
}

/**
 * Sends one part; retries transient failures with the very same body.
 * Resolves with the receipt, throws ApiError (status 0: no connection).
 */
export async function submitPart<P extends Part>(
  part: P,
  body: PartPayload[P] & { token: string; submission_id: string },
  opts: { delays?: readonly number[]; wait?: (ms: number) => Promise<void> } = {},
): Promise<Receipt> {
  const delays = opts.delays ?? RETRY_DELAYS;
  const wait = opts.wait ?? sleep;
  for (let attempt = 0; ; attempt++) {
    let error: ApiError;
    try {
      const res = await post(part, body);
      if (res.data && res.response.ok) return res.data;
      error = toApiError(res.response.status, res.error);
    } catch {
      error = toApiError(0, undefined);
    }
    const delay = delays[attempt];
    if (!isTransient(error.status) || delay === undefined) throw error;
    await wait(delay);
  }
}

/** A UUID v4; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The submission of one form: its id is made once, when the form appears,
 * and kept for every send (automatic retries and the citizen pressing
 * "Send svar" again after a failure), so the answer is stored once.
 */
export function usePartSubmission<P extends Part>(token: string, part: P) {
  const [submissionId] = useState(newSubmissionId);
  const mutation = useMutation({
    mutationFn: (payload: PartPayload[P]) => submitPart(part, { ...payload, token, submission_id: submissionId }),
  });
  return { submissionId, ...mutation };
}
