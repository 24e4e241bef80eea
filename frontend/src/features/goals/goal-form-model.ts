// The guided SMART form's logic, free of React and of the network:
//
//   emptyGoalForm     a new goal (or sub-goal, starting from its main goal's dream)
//   goalToForm        a Goal from the API → the form's state
//   toGoalInput       form state → GoalInput (create, and the live SMART check)
//   toUpdateRequest   (form state the user started from, form state now) → UpdateGoalRequest
//                     with only what changed
//   rebaseGoalForm    the user's edits carried over onto a newer version (after 412)
//   requiredProblems  the few client-side checks (the server is the authority)
//   orderErrors       field errors in the order the fields appear on the form
//
// Request and response shapes come only from the generated schema.
import type { Schemas } from '@/lib/api/client';

type Goal = Schemas['Goal'];
export type GoalInput = Schemas['GoalInput'];
export type UpdateGoalRequest = Schemas['UpdateGoalRequest'];
export type FieldError = Schemas['FieldError'];
export type ParticipantKind = Schemas['GoalParticipant']['kind'];
export type Horizon = Goal['horizon'];
export type GasLevels = Schemas['GASLevels'];

export const PARTICIPANT_KINDS = ['citizen', 'caseworker', 'provider', 'network'] as const satisfies readonly ParticipantKind[];
export const HORIZONS = ['short', 'long'] as const satisfies readonly Horizon[];
export const GAS_KEYS = ['minus2', 'minus1', 'zero', 'plus1', 'plus2'] as const satisfies readonly (keyof GasLevels)[];
export const GAS_VALUE: Record<(typeof GAS_KEYS)[number], number> = { minus2: -2, minus1: -1, zero: 0, plus1: 1, plus2: 2 };

/** Deleting the dream link: the API reads the nil UUID as "none". */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export type ParticipantRow = { key: string; kind: ParticipantKind | ''; name: string; task: string };

export type GoalForm = {
  title: string;
  dream_id: string;
  specific: string;
  measurable_indicator: string;
  measurable_target: string;
  achievable_steps: string;
  achievable_resources: string;
  relevant: string;
  target_date: string;
  horizon: Horizon;
  participants: ParticipantRow[];
  gas_on: boolean;
  gas_levels: GasLevels;
  /** '' (not assessed) or "-2" … "2". */
  gas_attained: string;
};

const TEXT_FIELDS = [
  'title',
  'specific',
  'measurable_indicator',
  'measurable_target',
  'achievable_steps',
  'achievable_resources',
  'relevant',
] as const satisfies readonly (keyof GoalForm & keyof GoalInput)[];

let seq = 0;
export function participantRow(kind: ParticipantRow['kind'] = '', name = '', task = ''): ParticipantRow {
  seq += 1;
  return { key: `p-${seq}`, kind, name, task };
}

const emptyGas = (): GasLevels => ({ minus2: '', minus1: '', zero: '', plus1: '', plus2: '' });

/** A new goal. A sub-goal starts from its main goal's dream. */
export function emptyGoalForm(parent?: Pick<Goal, 'dream_id'>): GoalForm {
  return {
    title: '',
    dream_id: parent?.dream_id ?? '',
    specific: '',
    measurable_indicator: '',
    measurable_target: '',
    achievable_steps: '',
    achievable_resources: '',
    relevant: '',
    target_date: '',
    horizon: 'short',
    participants: [participantRow('citizen'), participantRow('caseworker')],
    gas_on: false,
    gas_levels: emptyGas(),
    gas_attained: '',
  };
}

export function goalToForm(g: Goal): GoalForm {
  return {
    title: g.title,
    dream_id: g.dream_id ?? '',
    specific: g.specific,
    measurable_indicator: g.measurable_indicator,
    measurable_target: g.measurable_target,
    achievable_steps: g.achievable_steps,
    achievable_resources: g.achievable_resources,
    relevant: g.relevant,
    target_date: g.target_date ?? '',
    horizon: g.horizon,
    participants: g.participants.map((p) => participantRow(p.kind, p.name ?? '', p.task ?? '')),
    gas_on: g.gas_levels !== undefined,
    gas_levels: g.gas_levels ? { ...g.gas_levels } : emptyGas(),
    gas_attained: g.gas_attained === undefined || g.gas_attained === null ? '' : String(g.gas_attained),
  };
}

function participants(rows: readonly ParticipantRow[]): Schemas['GoalParticipant'][] {
  return rows
    .filter((r) => r.kind !== '')
    .map((r) => {
      const name = r.name.trim();
      const task = r.task.trim();
      return { kind: r.kind as ParticipantKind, ...(name ? { name } : {}), ...(task ? { task } : {}) };
    });
}

function gasLevels(l: GasLevels): GasLevels {
  return { minus2: l.minus2.trim(), minus1: l.minus1.trim(), zero: l.zero.trim(), plus1: l.plus1.trim(), plus2: l.plus2.trim() };
}

/** The body of a new goal, and of the live SMART check. Empty texts are left out. */
export function toGoalInput(form: GoalForm, parentId?: string): GoalInput {
  const out: GoalInput = { title: form.title.trim() };
  for (const k of TEXT_FIELDS) {
    const v = form[k].trim();
    if (v && k !== 'title') out[k] = v;
  }
  if (parentId) out.parent_id = parentId;
  if (form.dream_id) out.dream_id = form.dream_id;
  if (form.target_date) out.target_date = form.target_date;
  out.horizon = form.horizon;
  out.participants = participants(form.participants);
  if (form.gas_on) out.gas_levels = gasLevels(form.gas_levels);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs between the version the user started from and the form now. */
export function toUpdateRequest(base: GoalForm, form: GoalForm): UpdateGoalRequest {
  const out: UpdateGoalRequest = {};
  for (const k of TEXT_FIELDS) {
    const v = form[k].trim();
    if (v !== base[k].trim()) out[k] = v;
  }
  if (form.dream_id !== base.dream_id) out.dream_id = form.dream_id || NIL_UUID;
  if (form.target_date !== base.target_date) out.target_date = form.target_date;
  if (form.horizon !== base.horizon) out.horizon = form.horizon;
  const ps = participants(form.participants);
  if (!same(ps, participants(base.participants))) out.participants = ps;
  if (!form.gas_on) {
    if (base.gas_on) out.clear_gas_levels = true;
  } else {
    const levels = gasLevels(form.gas_levels);
    if (!base.gas_on || !same(levels, gasLevels(base.gas_levels))) out.gas_levels = levels;
    if (form.gas_attained !== '' && (form.gas_attained !== base.gas_attained || !base.gas_on)) {
      out.gas_attained = Number(form.gas_attained);
    }
  }
  return out;
}

/**
 * After a 412: each field the user did not touch takes the newer version's
 * value; each field they changed keeps theirs.
 */
export function rebaseGoalForm(base: GoalForm, mine: GoalForm, theirs: GoalForm): GoalForm {
  const out = { ...theirs };
  for (const k of Object.keys(mine) as (keyof GoalForm)[]) {
    const touched = k === 'participants' ? !same(participants(mine.participants), participants(base.participants)) : !same(mine[k], base[k]);
    if (touched) (out as Record<string, unknown>)[k] = mine[k];
  }
  return out;
}

export type Problem = { field: string; code: 'title' | 'dream' | 'reason' | 'kind' | 'gas' };

/**
 * Checks before sending: a title; a dream for a main goal; who each
 * participant is; all five GAS levels when GAS is used; a reason when the goal
 * is made active.
 */
export function requiredProblems(form: GoalForm, opts: { isSub: boolean; activating: boolean; reason: string }): Problem[] {
  const out: Problem[] = [];
  if (!form.title.trim()) out.push({ field: 'title', code: 'title' });
  if (!opts.isSub && !form.dream_id) out.push({ field: 'dream_id', code: 'dream' });
  form.participants.forEach((p, i) => {
    if (!p.kind) out.push({ field: `participants[${i}].kind`, code: 'kind' });
  });
  if (form.gas_on) for (const k of GAS_KEYS) if (!form.gas_levels[k].trim()) out.push({ field: `gas_levels.${k}`, code: 'gas' });
  if (opts.activating && !opts.reason.trim()) out.push({ field: 'reason', code: 'reason' });
  return out;
}

/** Field paths in the order the form shows them (for the error summary). */
export function fieldOrder(form: GoalForm): string[] {
  return [
    'title',
    'dream_id',
    'specific',
    'measurable_indicator',
    'measurable_target',
    'achievable_steps',
    'achievable_resources',
    'relevant',
    'target_date',
    'horizon',
    'participants',
    ...form.participants.flatMap((_, i) => [`participants[${i}].kind`, `participants[${i}].name`, `participants[${i}].task`]),
    'gas_levels',
    ...GAS_KEYS.map((k) => `gas_levels.${k}`),
    'gas_attained',
    'reason',
  ];
}

/**
 * Field errors in form order; one per field. Errors on fields the form does
 * not show (e.g. parent_id, status) come last and link nowhere.
 */
export function orderErrors<E extends { field: string }>(errors: readonly E[], order: readonly string[]): { shown: E[]; other: E[] } {
  const first = new Map<string, E>();
  for (const e of errors) if (!first.has(e.field)) first.set(e.field, e);
  const rank = (f: string) => order.indexOf(f);
  const all = [...first.values()];
  return {
    shown: all.filter((e) => rank(e.field) >= 0).sort((a, b) => rank(a.field) - rank(b.field)),
    other: all.filter((e) => rank(e.field) < 0),
  };
}
