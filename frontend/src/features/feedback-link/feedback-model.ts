// The citizen's feedback forms as plain data, and the pure rules around
// them: the order the parts are shown in, the checks the server makes
// (mirrored, so a missing mark is caught before sending), the request bodies,
// where the server's field errors go, and what a failed submission means for
// the citizen. No React here, so it is tested on its own.
import { ALREADY_ANSWERED, type Schemas } from '@/lib/api/client';

export type LinkView = Schemas['FeedbackLinkView'];
export type Wording = Schemas['FitWording'];
export type Part = Schemas['FeedbackLinkPart']['part'];
export type Answer = Schemas['PublicAnswers']['meeting_ok'];
export type OrsKey = keyof Schemas['ORSItems'];
export type SrsKey = keyof Schemas['SRSItems'];
export type Scale = 'ors' | 'srs';

/** The four items of each scale, in the order of the wording's labels. */
export const ITEM_KEYS = {
  ors: ['individually', 'interpersonally', 'socially', 'overall'],
  srs: ['relationship', 'goals_and_topics', 'approach_or_method', 'overall'],
} as const satisfies { ors: readonly OrsKey[]; srs: readonly SrsKey[] };

export type ItemKey<S extends Scale> = (typeof ITEM_KEYS)[S][number];

/** The order on the page: before the meeting (how it has gone, what to talk about), then after it. */
export const PART_ORDER: readonly Part[] = ['ors', 'topics', 'srs', 'questions'];
export const BEFORE_MEETING: ReadonlySet<Part> = new Set<Part>(['ors', 'topics']);

export const ANSWERS: readonly Answer[] = ['yes', 'partly', 'no'];
export const TOPICS_MAX = 5;
export const TOPIC_MAX_CHARS = 300;
export const DIFFERENT_MAX_CHARS = 1000;

/** How a part ended on this visit: sent, found answered already, or refused by the server (not stored). */
export type Outcome = 'sent' | 'already' | 'refused';

/**
 * The link's parts in page order, each with whether it is finished (answered
 * on the server, or ended here) and how it ended here, if it did.
 */
export function orderedParts(
  view: Pick<LinkView, 'parts'>,
  here: ReadonlyMap<Part, Outcome> = new Map(),
): { part: Part; done: boolean; outcome?: Outcome }[] {
  return [...view.parts]
    .sort((a, b) => PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part))
    .map((p) => {
      const outcome = here.get(p.part);
      return { part: p.part, done: p.done || outcome !== undefined, ...(outcome ? { outcome } : {}) };
    });
}

/** The part to answer now: the first one not answered, or null when all are. */
export function currentPart(parts: readonly { part: Part; done: boolean }[]): Part | null {
  return parts.find((p) => !p.done)?.part ?? null;
}

// ---- Problems, as codes the screen puts into words -------------------------

export type ProblemCode = 'required' | 'outOfRange' | 'tooLong' | 'atLeastOne' | 'other';
/** `field` is the API's field path ("items.overall", "meeting_ok", "topics[1]"), or '' for the form. */
export type FieldProblem = { field: string; code: ProblemCode; n?: number; raw?: string };

// ---- Scales (ORS, SRS) -----------------------------------------------------

/** The marks as tenths (0..100), null where no mark is set yet. */
export type ScaleForm = Record<string, number | null>;

export function blankScale(scale: Scale): ScaleForm {
  return Object.fromEntries(ITEM_KEYS[scale].map((k) => [k, null]));
}

/** The server's checks: all four items, each from 0.0 to 10.0. */
export function validateScale(scale: Scale, form: ScaleForm): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const k of ITEM_KEYS[scale]) {
    const v = form[k];
    if (v === null || v === undefined) out.push({ field: `items.${k}`, code: 'required' });
    else if (!Number.isInteger(v) || v < 0 || v > 100) out.push({ field: `items.${k}`, code: 'outOfRange' });
  }
  return out;
}

/** Tenths → the API's number with at most one decimal (64 → 6.4). */
export function tenthsToScore(tenths: number): number {
  return Math.round(tenths) / 10;
}

export function scaleItems(scale: 'ors', form: ScaleForm): Schemas['ORSItems'];
export function scaleItems(scale: 'srs', form: ScaleForm): Schemas['SRSItems'];
export function scaleItems(scale: Scale, form: ScaleForm): Schemas['ORSItems'] | Schemas['SRSItems'];
export function scaleItems(scale: Scale, form: ScaleForm) {
  return Object.fromEntries(ITEM_KEYS[scale].map((k) => [k, tenthsToScore(form[k] ?? 0)]));
}

/** Sum of the four items in tenths (the server's "total", ×10). */
export function scaleTotal(form: ScaleForm): number {
  return Object.values(form).reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

// ---- The three questions ---------------------------------------------------

export type QuestionsForm = { meeting_ok: Answer | ''; talked_about: Answer | ''; different_next_time: string };

export const blankQuestions = (): QuestionsForm => ({ meeting_ok: '', talked_about: '', different_next_time: '' });

const chars = (s: string) => [...s].length; // the server counts characters, not UTF-16 units

export function validateQuestions(form: QuestionsForm): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!form.meeting_ok) out.push({ field: 'meeting_ok', code: 'required' });
  if (!form.talked_about) out.push({ field: 'talked_about', code: 'required' });
  if (chars(form.different_next_time.trim()) > DIFFERENT_MAX_CHARS)
    out.push({ field: 'different_next_time', code: 'tooLong', n: DIFFERENT_MAX_CHARS });
  return out;
}

// ---- Topics for the agenda -------------------------------------------------

/** What is typed, one entry per field shown (1..5). */
export type TopicsForm = string[];

/** The topics to send: trimmed, empty fields left out. */
export function topicsToSend(form: TopicsForm): string[] {
  return form.map((t) => t.trim()).filter(Boolean);
}

/**
 * The server's checks: 1 to 5 topics, each 1 to 300 characters. Empty fields
 * are simply not sent, so a too-long topic is reported at the field it was
 * typed in ("topics[k]" of the form, which the server's index maps back to).
 */
export function validateTopics(form: TopicsForm): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (topicsToSend(form).length === 0) out.push({ field: 'topics[0]', code: 'atLeastOne' });
  form.forEach((t, i) => {
    if (chars(t.trim()) > TOPIC_MAX_CHARS) out.push({ field: `topics[${i}]`, code: 'tooLong', n: TOPIC_MAX_CHARS });
  });
  return out;
}

/** Which form field the k-th topic sent was typed in. */
export function topicFieldIndex(form: TopicsForm, sentIndex: number): number {
  let seen = -1;
  for (let i = 0; i < form.length; i++) {
    if (form[i]!.trim()) seen += 1;
    if (seen === sentIndex) return i;
  }
  return 0;
}

// ---- The server's answers --------------------------------------------------

/** The server's wording (English, for developers) → our code. */
function codeOf(message: string): { code: ProblemCode; n?: number } {
  if (message.startsWith('is required')) return { code: 'required' };
  if (/must be (a number )?from 0\.0 to 10\.0|at most one decimal/.test(message)) return { code: 'outOfRange' };
  if (message.startsWith('must be one of')) return { code: 'required' };
  if (message.startsWith('must hold 1 to 5')) return { code: 'atLeastOne' };
  const max = /(?:at most|1 to) (\d+) characters/.exec(message);
  if (max) return { code: 'tooLong', n: Number(max[1]) };
  return { code: 'other' };
}

/**
 * The server's 422 field errors as problems at our fields. Topic errors
 * name the index in the list sent; `topicsForm` maps it back to the field
 * the topic was typed in. Fields we do not show (token, submission_id) go
 * to the form as a whole.
 */
export function placeServerErrors(errors: readonly { field: string; message: string }[], topicsForm?: TopicsForm): FieldProblem[] {
  return errors.map((e) => {
    const { code, n } = codeOf(e.message);
    let field = e.field;
    const topic = /^topics\[(\d+)\]$/.exec(field);
    if (topic && topicsForm) field = `topics[${topicFieldIndex(topicsForm, Number(topic[1]))}]`;
    else if (field === 'topics') field = 'topics[0]';
    else if (!/^(items\.\w+|meeting_ok|talked_about|different_next_time)$/.test(field)) field = '';
    // A problem with something the citizen cannot see or change is just "something went wrong".
    if (!field) return { field, code: 'other' as const, raw: e.message };
    return { field, code, ...(n !== undefined ? { n } : {}), ...(code === 'other' ? { raw: e.message } : {}) };
  });
}

/** What a failed submission means for the citizen. */
export type Failure =
  | { kind: 'gone' } // 404: unknown, expired or used-up link
  | { kind: 'already' } // 409 already-answered: answered from another submission
  | { kind: 'refused' } // any other 409: the server refused the part and stored nothing
  | { kind: 'invalid'; problems: FieldProblem[] } // 422
  | { kind: 'rateLimited' } // 429
  | { kind: 'network' } // no answer at all, after the automatic retries
  | { kind: 'server'; id: string }; // 5xx or anything else

export function failureOf(
  status: number,
  problem?: { type?: string; errors?: { field: string; message: string }[]; instance?: string },
  topicsForm?: TopicsForm,
): Failure {
  if (status === 0) return { kind: 'network' };
  if (status === 404) return { kind: 'gone' };
  if (status === 409) return problem?.type === ALREADY_ANSWERED ? { kind: 'already' } : { kind: 'refused' };
  if (status === 429) return { kind: 'rateLimited' };
  if (status === 422 || status === 400) {
    const problems = placeServerErrors(problem?.errors ?? [], topicsForm);
    return { kind: 'invalid', problems: problems.length ? problems : [{ field: '', code: 'other' }] };
  }
  return { kind: 'server', id: problem?.instance?.replace('urn:request:', '') ?? '' };
}

/** "2026-11-24" → "24. november 2026" (da) / "24 November 2026" (en), as a calendar date. */
export function formatMeetingDate(isoDate: string, lang: 'da' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
