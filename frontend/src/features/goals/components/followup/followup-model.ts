// The follow-up form as plain data, and the pure rules around it: which goals
// are reviewed (those being worked on: active or adjusted, each exactly once),
// the request the API takes, the checks made before sending, and where the
// server's field errors go. No React here, so it is tested on its own.
import type { Schemas } from '@/lib/api/client';

export type Goal = Schemas['Goal'];
export type FollowUpInput = Schemas['FollowUpInput'];
export type ReviewedGoal = Schemas['ReviewedGoal'];
export type Decision = ReviewedGoal['decision'];
export type EndStatus = NonNullable<ReviewedGoal['end_status']>;
export type NextStepKind = NonNullable<ReviewedGoal['next_step_kind']>;

export const DECISIONS: readonly Decision[] = ['keep', 'adjust', 'end'];
export const END_STATUSES: readonly EndStatus[] = ['achieved', 'discontinued'];
export const NEXT_STEP_KINDS: readonly NextStepKind[] = ['new_goal', 'adjusted_support', 'agreed_end'];
export const VALUES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
/** GAS levels from best to worst, with the API's key for each level's text. */
export const GAS_LEVELS = [
  { value: '2', key: 'plus2' },
  { value: '1', key: 'plus1' },
  { value: '0', key: 'zero' },
  { value: '-1', key: 'minus1' },
  { value: '-2', key: 'minus2' },
] as const;
export const TEXT_MAX = 4000;

/** What the user has chosen for one goal. Empty strings are "not chosen". */
export type ItemForm = {
  citizenValue: string;
  caseworkerValue: string;
  gasLevel: string;
  decision: Decision | '';
  endStatus: EndStatus | '';
  reason: string;
  nextStepKind: NextStepKind | '';
  nextStepNote: string;
};

/** The whole form. Items are kept per goal id; the goals decide the order. */
export type FollowUpForm = {
  heldOn: string;
  nextDate: string;
  note: string;
  items: Record<string, ItemForm>;
};

export function blankItem(): ItemForm {
  return {
    citizenValue: '',
    caseworkerValue: '',
    gasLevel: '',
    // Most goals simply continue; the choice is visible and can be changed.
    decision: 'keep',
    endStatus: '',
    reason: '',
    nextStepKind: '',
    nextStepNote: '',
  };
}

export function isInProgress(g: Pick<Goal, 'status'>): boolean {
  return g.status === 'active' || g.status === 'adjusted';
}

/**
 * The goals to review, in reading order: each main goal followed by its
 * sub-goals; only goals being worked on. A sub-goal whose main goal is not
 * being worked on still comes right after where its main goal would be.
 */
export function reviewGoals(goals: readonly Goal[]): Goal[] {
  const ids = new Set(goals.map((g) => g.id));
  const children = new Map<string, Goal[]>();
  const tops: Goal[] = [];
  for (const g of goals) {
    if (g.parent_id && ids.has(g.parent_id)) {
      const list = children.get(g.parent_id) ?? [];
      list.push(g);
      children.set(g.parent_id, list);
    } else {
      tops.push(g);
    }
  }
  const out: Goal[] = [];
  for (const g of tops) {
    if (isInProgress(g)) out.push(g);
    for (const c of children.get(g.id) ?? []) if (isInProgress(c)) out.push(c);
  }
  return out;
}

/** The date in local time as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function initialForm(today: string): FollowUpForm {
  return { heldOn: today, nextDate: '', note: '', items: {} };
}

/** The state of one goal's review (a blank one until the user touches it). */
export function itemOf(form: FollowUpForm, goalId: string): ItemForm {
  return form.items[goalId] ?? blankItem();
}

/**
 * POST /cases/{id}/follow-ups body. One item per goal being worked on, in
 * the order of reviewGoals (goalIds[i] is the goal of items[i], for placing
 * the server's `items[i].…` errors). Values and GAS level are optional and
 * left out when not chosen; a GAS level only for goals with levels; the
 * reason only when adjusting or ending; how it ended only when ending; the
 * next step only when ending as achieved. Texts are trimmed.
 */
export function toFollowUpRequest(form: FollowUpForm, goals: readonly Goal[]): { body: FollowUpInput; goalIds: string[] } {
  const reviewed = reviewGoals(goals);
  const items: ReviewedGoal[] = reviewed.map((g) => {
    const f = itemOf(form, g.id);
    const decision: Decision = f.decision || 'keep';
    const it: ReviewedGoal = { goal_id: g.id, decision };
    const cv = toValue(f.citizenValue);
    if (cv !== undefined) it.citizen_value = cv;
    const wv = toValue(f.caseworkerValue);
    if (wv !== undefined) it.caseworker_value = wv;
    if (g.gas_levels && f.gasLevel !== '') {
      const lvl = Number(f.gasLevel);
      if (Number.isInteger(lvl) && lvl >= -2 && lvl <= 2) it.gas_level = lvl;
    }
    if (decision !== 'keep') it.reason = f.reason.trim();
    if (decision === 'end') {
      if (f.endStatus) it.end_status = f.endStatus;
      if (f.endStatus === 'achieved') {
        if (f.nextStepKind) it.next_step_kind = f.nextStepKind;
        it.next_step_note = f.nextStepNote.trim();
      }
    }
    return it;
  });
  const body: FollowUpInput = { held_on: form.heldOn, next_follow_up_date: form.nextDate, items };
  const note = form.note.trim();
  if (note) body.note = note;
  return { body, goalIds: reviewed.map((g) => g.id) };
}

function toValue(s: string): number | undefined {
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : undefined;
}

/** Why a field is wrong, as a code the screen puts into words. */
export type ErrorCode =
  | 'heldOnRequired'
  | 'heldOnFuture'
  | 'nextDateRequired'
  | 'nextDateOrder'
  | 'date'
  | 'decisionRequired'
  | 'reasonRequired'
  | 'endStatusRequired'
  | 'nextStepRequired'
  | 'nextStepNoteRequired'
  | 'value'
  | 'gas'
  | 'noGasLevels'
  | 'maxChars'
  | 'oneOf'
  | 'notInProgress'
  | 'twice'
  | 'missingGoals';

/**
 * A problem with the form. `path` is the API's field path with the index of
 * the goal in reviewGoals order ("items[2].reason"); `raw` is the server's
 * own wording when we have no code for it.
 */
export type FormProblem = { path: string; code?: ErrorCode; n?: number; raw?: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The checks made before sending, in the order the fields appear. */
export function validateFollowUp(form: FollowUpForm, goals: readonly Goal[], today: string): FormProblem[] {
  const out: FormProblem[] = [];
  if (!form.heldOn) out.push({ path: 'held_on', code: 'heldOnRequired' });
  else if (!validDate(form.heldOn)) out.push({ path: 'held_on', code: 'date' });
  else if (form.heldOn > today) out.push({ path: 'held_on', code: 'heldOnFuture' });

  reviewGoals(goals).forEach((g, i) => {
    const f = itemOf(form, g.id);
    const p = `items[${i}].`;
    if (!f.decision) out.push({ path: p + 'decision', code: 'decisionRequired' });
    if ((f.decision === 'adjust' || f.decision === 'end') && !f.reason.trim()) out.push({ path: p + 'reason', code: 'reasonRequired' });
    if (f.decision === 'end') {
      if (!f.endStatus) out.push({ path: p + 'end_status', code: 'endStatusRequired' });
      if (f.endStatus === 'achieved') {
        if (!f.nextStepKind) out.push({ path: p + 'next_step_kind', code: 'nextStepRequired' });
        if (!f.nextStepNote.trim()) out.push({ path: p + 'next_step_note', code: 'nextStepNoteRequired' });
      }
    }
  });

  if (!form.nextDate) out.push({ path: 'next_follow_up_date', code: 'nextDateRequired' });
  else if (!validDate(form.nextDate)) out.push({ path: 'next_follow_up_date', code: 'date' });
  else if (form.nextDate < today || (validDate(form.heldOn) && form.nextDate <= form.heldOn))
    out.push({ path: 'next_follow_up_date', code: 'nextDateOrder' });
  return out;
}

const REQUIRED_BY_FIELD: Record<string, ErrorCode> = {
  held_on: 'heldOnRequired',
  next_follow_up_date: 'nextDateRequired',
  decision: 'decisionRequired',
  reason: 'reasonRequired',
  end_status: 'endStatusRequired',
  next_step_kind: 'nextStepRequired',
  next_step_note: 'nextStepNoteRequired',
};

/** The server's wording → our code (the API answers in English). */
function codeOf(field: string, message: string): { code?: ErrorCode; n?: number } {
  const leaf = field.replace(/^items\[\d+\]\./, '');
  if (message === 'is required') return { code: REQUIRED_BY_FIELD[leaf] };
  if (message === 'must not be in the future') return { code: 'heldOnFuture' };
  if (message.startsWith('must be after the follow-up')) return { code: 'nextDateOrder' };
  if (message.startsWith('must be a date')) return { code: 'date' };
  if (message === 'must be a whole number from 1 to 10') return { code: 'value' };
  if (message === 'must be from -2 to 2') return { code: 'gas' };
  if (message === 'the goal has no attainment levels') return { code: 'noGasLevels' };
  if (message.startsWith('must be one of')) return { code: 'oneOf' };
  if (message === 'is not a goal being worked on in this case') return { code: 'notInProgress' };
  if (message === 'is reviewed twice') return { code: 'twice' };
  if (message.startsWith('review every goal being worked on')) return { code: 'missingGoals' };
  const max = /^must be at most (\d+) characters$/.exec(message);
  if (max) return { code: 'maxChars', n: Number(max[1]) };
  return {};
}

/**
 * Places the server's field errors on the form: `items[k].…` refers to the
 * k-th item sent (goalIds[k]); it is moved to that goal's index in the
 * current reviewGoals order. A goal's id error goes to the goal's fieldset.
 */
export function placeServerErrors(
  errors: readonly { field: string; message: string }[],
  goalIds: readonly string[],
  goals: readonly Goal[],
): FormProblem[] {
  const order = reviewGoals(goals).map((g) => g.id);
  const out: FormProblem[] = [];
  for (const e of errors) {
    const { code, n } = codeOf(e.field, e.message);
    let path = e.field;
    const m = /^items\[(\d+)\](?:\.(\w+))?/.exec(e.field);
    if (m) {
      const goalId = goalIds[Number(m[1])];
      const at = goalId ? order.indexOf(goalId) : -1;
      if (at === -1) path = 'items';
      else path = m[2] && m[2] !== 'goal_id' ? `items[${at}].${m[2]}` : `items[${at}]`;
    }
    out.push({ path, ...(code ? { code } : { raw: e.message }), ...(n !== undefined ? { n } : {}) });
  }
  return out;
}

/** The goal index of an item path ("items[2].reason" → 2), if any. */
export function itemIndex(path: string): number | undefined {
  const m = /^items\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}
