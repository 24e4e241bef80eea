// Turns a failed change into error-summary items: field errors go to their
// field (translated when the server's wording is known), everything else
// becomes one plain sentence.
import { ApiError } from '@/lib/api/client';
import type { SummaryItem } from '@/components/error-summary';
import type { MessageKey, Vars } from '@/lib/i18n';

type Translate = (key: MessageKey, vars?: Vars) => string;

/** Server wording per field → our message. Unknown wording is shown with the field's label. */
export type KnownFieldErrors = Record<string, Record<string, MessageKey>>;

export const USER_FIELD_ERRORS: KnownFieldErrors = {
  email: {
    'is required': 'admin.errors.emailRequired',
    'is not a valid email address': 'admin.errors.emailInvalid',
    'is already in use': 'admin.errors.emailTaken',
  },
  name: { 'is required': 'admin.errors.nameRequired', 'is too long': 'admin.errors.nameTooLong' },
  role: { 'must be one of admin, leader, caseworker, analyst': 'admin.errors.roleRequired' },
  password: {
    'is required': 'admin.errors.passwordRequired',
    'must be at least 12 characters': 'admin.errors.passwordShort',
    'must be at most 256 bytes': 'admin.errors.passwordLong',
  },
  team_ids: {
    'a leader or caseworker must belong to at least one team': 'admin.errors.teamsRequired',
    'at most 50 teams': 'admin.errors.teamsTooMany',
    'names a team that does not exist': 'admin.errors.teamMissing',
    'lists a team twice': 'admin.errors.teamMissing',
  },
  active: { 'you cannot deactivate yourself': 'admin.errors.selfDeactivate' },
};

export const TEAM_FIELD_ERRORS: KnownFieldErrors = {
  name: {
    'is required': 'admin.errors.teamNameRequired',
    'is too long': 'admin.errors.teamNameTooLong',
    'is already in use': 'admin.errors.teamNameTaken',
  },
};

/** "team_ids[2]" → "team_ids": the forms show list errors at the whole list. */
export function formField(path: string): string {
  const i = path.search(/[[.]/);
  return i === -1 ? path : path.slice(0, i);
}

export type ProblemContext = {
  known: KnownFieldErrors;
  /** Labels of the fields, for errors whose wording we do not know. */
  labels: Record<string, string>;
  /** Fields the form shows; errors for other fields are listed without a link. */
  fields: readonly string[];
  /** Said on a 409 without field errors. */
  conflict: MessageKey;
};

/** Summary items for a failed create or update (not for 412; see the stale notice). */
export function problemItems(t: Translate, err: unknown, ctx: ProblemContext): SummaryItem[] {
  if (!(err instanceof ApiError)) return [{ message: t('common.errors.network') }];
  const requestId = err.problem.instance?.replace('urn:request:', '') ?? '';
  if (err.status === 403) return [{ message: t('common.errors.forbidden') }];
  if (err.status === 404) return [{ message: t('common.errors.notFound') }];
  if (err.status === 429) return [{ message: t('admin.errors.throttled') }];
  if (err.status >= 500 || err.status === 0) return [{ message: t('common.errors.generic', { id: requestId }) }];
  const items: SummaryItem[] = [];
  const seen = new Set<string>();
  for (const e of err.problem.errors ?? []) {
    const field = formField(e.field);
    if (seen.has(field)) continue;
    seen.add(field);
    const key = ctx.known[field]?.[e.message];
    const message = key ? t(key) : t('admin.errors.field', { label: ctx.labels[field] ?? e.field, message: e.message });
    items.push(ctx.fields.includes(field) ? { field, message } : { message });
  }
  if (items.length) return items;
  if (err.status === 409) return [{ message: t(ctx.conflict) }];
  return [{ message: err.problem.detail || err.problem.title }];
}

/** Summary items for problems found before sending. */
export function issueItems(t: Translate, issues: ReadonlyArray<{ field: string; key: MessageKey }>): SummaryItem[] {
  return issues.map((i) => ({ field: i.field, message: t(i.key) }));
}

/** The message for one field, or undefined. */
export function fieldMessage(items: readonly SummaryItem[], field: string): string | undefined {
  return items.find((i) => i.field === field)?.message;
}

export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.status === 412;
}
