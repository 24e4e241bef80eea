// The SMART check in words: criteria in their fixed order, each unmet one's
// hint code translated (the server's own hint when the code is unknown), the
// form field it points to, and server field messages in plain language.
// Pure: the caller passes the translate function.
import type { Schemas } from '@/lib/api/client';
import type { MessageKey, Vars } from '@/lib/i18n';

export type T = (key: MessageKey, vars?: Vars) => string;
export type Criterion = Schemas['SmartCriterion'];
export type CriterionKey = Criterion['key'];
export type HintCode = NonNullable<Criterion['hint_code']>;

export const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const satisfies readonly CriterionKey[];

/** Where the user fixes what a hint asks for (a field path of the goal form). */
export const HINT_FIELD = {
  describe_change: 'specific',
  missing_indicator: 'measurable_indicator',
  missing_target: 'measurable_target',
  missing_steps: 'achievable_steps',
  missing_resources: 'achievable_resources',
  missing_why: 'relevant',
  missing_dream: 'dream_id',
  missing_date: 'target_date',
  date_passed: 'target_date',
} as const satisfies Record<HintCode, string>;

const KEY_FIELD: Record<CriterionKey, string> = {
  specific: 'specific',
  measurable: 'measurable_indicator',
  achievable: 'achievable_steps',
  relevant: 'relevant',
  time_bound: 'target_date',
};

export function isHintCode(code: unknown): code is HintCode {
  return typeof code === 'string' && Object.hasOwn(HINT_FIELD, code);
}

/** The hint of an unmet criterion in the reader's language; '' when met. */
export function hintText(t: T, c: Criterion): string {
  if (c.met) return '';
  if (isHintCode(c.hint_code)) return t(`goals.hints.${c.hint_code}`);
  return c.hint ?? '';
}

/** The form field an unmet criterion points to. */
export function fieldOf(c: Criterion): string {
  return isHintCode(c.hint_code) ? HINT_FIELD[c.hint_code] : KEY_FIELD[c.key];
}

/** The criteria in S-M-A-R-T order, whatever order they came in. */
export function ordered(cs: readonly Criterion[]): Criterion[] {
  return [...cs].sort((a, b) => CRITERIA.indexOf(a.key as never) - CRITERIA.indexOf(b.key as never));
}

/** Names of the unmet criteria, in order ("Målbart", "Tidsbestemt"). */
export function unmetNames(t: T, cs: readonly Criterion[]): string[] {
  return ordered(cs)
    .filter((c) => !c.met)
    .map((c) => t(`goals.criteria.${c.key}`));
}

/**
 * A server field message in plain words. When a goal that is not SMART is
 * made active, the 422 names each field with the criterion's hint: those are
 * recognised through the check's criteria (by their hint text). Other
 * messages we know are matched by pattern; the rest are shown as sent.
 */
export function fieldMessage(t: T, message: string, criteria: readonly Criterion[] = []): string {
  const c = criteria.find((x) => !x.met && x.hint && x.hint === message);
  if (c) return hintText(t, c);
  if (message === 'is required') return t('goals.errors.required');
  if (message === 'must not be in the future') return t('goals.errors.future');
  if (message === 'must be a whole number from 1 to 10') return t('goals.errors.value');
  if (/^must be a date/.test(message)) return t('goals.errors.date');
  if (/^must be one of /.test(message)) return t('goals.errors.oneOf');
  if (/^is not one of the case's hopes/.test(message)) return t('goals.errors.notDream');
  if (/^must not be after the main goal's target date/.test(message)) return t('goals.errors.afterParent');
  const m = /^must be at most (\d+) characters$/.exec(message);
  if (m) return t('goals.errors.maxChars', { n: Number(m[1]) });
  return message;
}
