// The case form's logic, free of React and of the network, so it can be read
// and tested as a specification:
//
//   caseToForm        a Case from the API → the form's state
//   toCreateRequest   form state → CreateCaseRequest
//   toUpdateRequest   (form state the user started from, form state now) → UpdateCaseRequest
//                     with only the top-level fields that changed (lists whole)
//   requiredProblems  the few client-side checks (the server is the authority)
//   placeErrors       server field errors → a message at each rendered field,
//                     and a summary that lists them all in page order
//   conflictChanges   what someone else changed between two versions of a case
//   rebase            the user's edits carried over onto the latest version
//
// Request and response shapes come only from the generated schema.
import type { Schemas } from '@/lib/api/client';
import type { da as labelTexts } from '@/features/cases/labels.messages';
import type { da as formTexts } from '@/features/cases/form.messages';

type Case = Schemas['Case'];
export type CreateCaseRequest = Schemas['CreateCaseRequest'];
export type UpdateCaseRequest = Schemas['UpdateCaseRequest'];
export type FieldError = Schemas['FieldError'];

/** A value as the form holds it: a choice may be unmade (''). */
type FormValue<V> = V extends string ? V | '' : V;
/** Every field present (optional ones as '' or false), plus a client-side row key. */
type Row<T> = { key: string } & { [K in keyof T]-?: FormValue<NonNullable<T[K]>> };

export type DreamRow = Row<Schemas['DreamInput']>;
export type ResourceRow = Row<Schemas['ResourceInput']>;
export type NetworkRow = Row<Schemas['NetworkPersonInput']>;
export type ExpectationRow = Row<Schemas['ExpectationInput']>;
export type ContactState = { [K in keyof Schemas['ContactAgreementInput']]-?: FormValue<NonNullable<Schemas['ContactAgreementInput'][K]>> };

export type FormState = {
  team_id: string;
  caseworker_id: string;
  citizen: { name: string; cpr: string };
  legal_basis: FormValue<CreateCaseRequest['legal_basis']>;
  legal_basis_note: string;
  target_group: FormValue<CreateCaseRequest['target_group']>;
  follow_up_cadence: FormValue<NonNullable<CreateCaseRequest['follow_up_cadence']>>;
  next_follow_up_date: string;
  dreams: DreamRow[];
  resources: ResourceRow[];
  network: NetworkRow[];
  contact_agreement: ContactState;
  expectations: ExpectationRow[];
};

export type Mode = 'create' | 'edit';
export type ListName = 'dreams' | 'resources' | 'network' | 'expectations';
export const LISTS: readonly ListName[] = ['dreams', 'resources', 'network', 'expectations'];
export type CodeGroup = keyof typeof labelTexts;

let seq = 0;
/** A key for a row that React and focus handling can hold on to. */
export function rowKey(): string {
  seq += 1;
  return `row-${seq}`;
}

// ---------------------------------------------------------------- new rows

export const newDream = (): DreamRow => ({ key: rowKey(), id: '', text: '', kind: 'unspecified', expressed_by: 'citizen' });
export const newResource = (): ResourceRow => ({
  key: rowKey(),
  id: '',
  type: '',
  description: '',
  source: 'citizen',
  confirmed_by_citizen: false,
});
export const newNetworkPerson = (): NetworkRow => ({
  key: rowKey(),
  id: '',
  name: '',
  relation: '',
  kind: '',
  contact_status: '',
  consent_to_involve: false,
  note: '',
});
export const newExpectation = (): ExpectationRow => ({
  key: rowKey(),
  id: '',
  held_on: '',
  topics: [],
  with_relatives: false,
  summary: '',
  next_review: '',
});

export const newRow = { dreams: newDream, resources: newResource, network: newNetworkPerson, expectations: newExpectation };

/** The field of a row that takes focus when the row is added. */
export const firstField: Record<ListName, string> = {
  dreams: 'text',
  resources: 'type',
  network: 'name',
  expectations: 'held_on',
};

export function emptyContact(): ContactState {
  return {
    meeting_formats: [],
    meeting_places: [],
    times_of_day: [],
    time_notes: '',
    media: [],
    preferred_frequency: '',
    closeness: '',
    avoid_conditions: '',
    agenda_in_advance: false,
    notes: '',
    agreed_on: '',
    review_by: '',
  };
}

export function emptyForm(teamId = ''): FormState {
  return {
    team_id: teamId,
    caseworker_id: '',
    citizen: { name: '', cpr: '' },
    legal_basis: '',
    legal_basis_note: '',
    target_group: '',
    follow_up_cadence: '',
    next_follow_up_date: '',
    dreams: [],
    resources: [],
    network: [],
    contact_agreement: emptyContact(),
    expectations: [],
  };
}

// ---------------------------------------------------------- case → form

/**
 * The form for an existing case. Items keep their ids so the server keeps
 * them. The CPR field starts empty: the API only shows it masked, and an
 * empty field means "leave it as it is".
 */
export function caseToForm(c: Case): FormState {
  const ca = c.contact_agreement;
  return {
    team_id: c.team_id,
    caseworker_id: c.caseworker.id,
    citizen: { name: c.citizen.name, cpr: '' },
    legal_basis: c.legal_basis,
    legal_basis_note: c.legal_basis_note ?? '',
    target_group: c.target_group,
    follow_up_cadence: c.follow_up_cadence ?? '',
    next_follow_up_date: c.next_follow_up_date ?? '',
    dreams: c.dreams.map((d) => ({ key: rowKey(), id: d.id, text: d.text, kind: d.kind, expressed_by: d.expressed_by })),
    resources: c.resources.map((r) => ({
      key: rowKey(),
      id: r.id,
      type: r.type,
      description: r.description,
      source: r.source,
      confirmed_by_citizen: r.confirmed_by_citizen,
    })),
    network: c.network.map((n) => ({
      key: rowKey(),
      id: n.id,
      name: n.name,
      relation: n.relation,
      kind: n.kind,
      contact_status: n.contact_status ?? '',
      consent_to_involve: n.consent_to_involve,
      note: n.note ?? '',
    })),
    contact_agreement: {
      meeting_formats: [...ca.meeting_formats],
      meeting_places: [...ca.meeting_places],
      times_of_day: [...ca.times_of_day],
      time_notes: ca.time_notes ?? '',
      media: [...ca.media],
      preferred_frequency: ca.preferred_frequency ?? '',
      closeness: ca.closeness ?? '',
      avoid_conditions: ca.avoid_conditions ?? '',
      agenda_in_advance: ca.agenda_in_advance,
      notes: ca.notes ?? '',
      agreed_on: ca.agreed_on ?? '',
      review_by: ca.review_by ?? '',
    },
    expectations: c.expectations.map((e) => ({
      key: rowKey(),
      id: e.id,
      held_on: e.held_on,
      topics: [...e.topics],
      with_relatives: e.with_relatives,
      summary: e.summary,
      next_review: e.next_review ?? '',
    })),
  };
}

// ---------------------------------------------------------- form → request

// Optional values are left out when empty; required ones are always sent, even
// empty, so the server (the authority) names every missing field. The casts
// below only widen '' into the enum type for that reason.
const opt = <T extends string>(v: T | ''): T | undefined => (v === '' ? undefined : v);
const req = <T extends string>(v: T | ''): T => v as T;
const optText = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
const optId = (v: string): string | undefined => (v === '' ? undefined : v);

function dreamInputs(rows: DreamRow[]): Schemas['DreamInput'][] {
  return rows.map((d) => clean({ id: optId(d.id), text: d.text.trim(), kind: opt(d.kind), expressed_by: opt(d.expressed_by) }));
}
function resourceInputs(rows: ResourceRow[]): Schemas['ResourceInput'][] {
  return rows.map((r) =>
    clean({
      id: optId(r.id),
      type: req(r.type),
      description: r.description.trim(),
      source: opt(r.source),
      confirmed_by_citizen: r.confirmed_by_citizen,
    }),
  );
}
function networkInputs(rows: NetworkRow[]): Schemas['NetworkPersonInput'][] {
  return rows.map((n) =>
    clean({
      id: optId(n.id),
      name: n.name.trim(),
      relation: n.relation.trim(),
      kind: req(n.kind),
      contact_status: opt(n.contact_status),
      consent_to_involve: n.consent_to_involve,
      note: optText(n.note),
    }),
  );
}
function expectationInputs(rows: ExpectationRow[]): Schemas['ExpectationInput'][] {
  return rows.map((e) =>
    clean({
      id: optId(e.id),
      held_on: e.held_on,
      topics: [...e.topics],
      with_relatives: e.with_relatives,
      summary: e.summary.trim(),
      next_review: opt(e.next_review),
    }),
  );
}
function contactInput(c: ContactState): Schemas['ContactAgreementInput'] {
  return clean({
    meeting_formats: [...c.meeting_formats],
    meeting_places: [...c.meeting_places],
    times_of_day: [...c.times_of_day],
    time_notes: optText(c.time_notes),
    media: [...c.media],
    preferred_frequency: opt(c.preferred_frequency),
    closeness: opt(c.closeness),
    avoid_conditions: optText(c.avoid_conditions),
    agenda_in_advance: c.agenda_in_advance,
    notes: optText(c.notes),
    agreed_on: opt(c.agreed_on),
    review_by: opt(c.review_by),
  });
}

const listInputs = {
  dreams: dreamInputs,
  resources: resourceInputs,
  network: networkInputs,
  expectations: expectationInputs,
};

/** Drops undefined properties so requests and comparisons stay clean. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function contactIsEmpty(c: ContactState): boolean {
  return same(contactInput(c), contactInput(emptyContact()));
}

/** The body of POST /cases. */
export function toCreateRequest(f: FormState): CreateCaseRequest {
  return clean({
    team_id: f.team_id,
    caseworker_id: optId(f.caseworker_id),
    citizen: { name: f.citizen.name.trim(), cpr: f.citizen.cpr.trim() },
    legal_basis: req(f.legal_basis),
    legal_basis_note: optText(f.legal_basis_note),
    target_group: req(f.target_group),
    follow_up_cadence: opt(f.follow_up_cadence),
    next_follow_up_date: opt(f.next_follow_up_date),
    dreams: dreamInputs(f.dreams),
    resources: resourceInputs(f.resources),
    network: networkInputs(f.network),
    contact_agreement: contactIsEmpty(f.contact_agreement) ? undefined : contactInput(f.contact_agreement),
    expectations: expectationInputs(f.expectations),
  });
}

/**
 * The body of PATCH /cases/{id}: only the top-level fields that differ from
 * the version the user started from. Lists and the contact agreement are sent
 * whole when anything in them changed (the server replaces them whole). The
 * CPR number is sent only when the user typed a new one. Empty means nothing
 * to save.
 */
export function toUpdateRequest(base: FormState, f: FormState): UpdateCaseRequest {
  const out: UpdateCaseRequest = {};
  if (f.caseworker_id !== base.caseworker_id && f.caseworker_id !== '') out.caseworker_id = f.caseworker_id;
  const name = f.citizen.name.trim();
  const cpr = f.citizen.cpr.trim();
  if (name !== base.citizen.name.trim() || cpr !== '') {
    out.citizen = {};
    if (name !== base.citizen.name.trim()) out.citizen.name = name;
    if (cpr !== '') out.citizen.cpr = cpr;
  }
  if (f.legal_basis !== base.legal_basis) out.legal_basis = req(f.legal_basis);
  if (f.legal_basis_note.trim() !== base.legal_basis_note.trim()) out.legal_basis_note = f.legal_basis_note.trim();
  if (f.target_group !== base.target_group) out.target_group = req(f.target_group);
  if (f.follow_up_cadence !== base.follow_up_cadence) out.follow_up_cadence = f.follow_up_cadence;
  if (f.next_follow_up_date !== base.next_follow_up_date) out.next_follow_up_date = f.next_follow_up_date;
  if (!same(dreamInputs(base.dreams), dreamInputs(f.dreams))) out.dreams = dreamInputs(f.dreams);
  if (!same(resourceInputs(base.resources), resourceInputs(f.resources))) out.resources = resourceInputs(f.resources);
  if (!same(networkInputs(base.network), networkInputs(f.network))) out.network = networkInputs(f.network);
  if (!same(expectationInputs(base.expectations), expectationInputs(f.expectations)))
    out.expectations = expectationInputs(f.expectations);
  if (!same(contactInput(base.contact_agreement), contactInput(f.contact_agreement)))
    out.contact_agreement = contactInput(f.contact_agreement);
  return out;
}

/**
 * Structural equality for form and request values. Text is compared trimmed
 * (the server trims) and lists of codes as sets (ticking order is no change).
 */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function canon(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) {
    const items = v.map(canon);
    return items.every((i) => typeof i === 'string') ? [...(items as string[])].sort() : items;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => k !== 'key' && o[k] !== undefined)
        .sort()
        .map((k) => [k, canon(o[k])]),
    );
  }
  return v;
}

// ---------------------------------------------------------- client checks

/**
 * Required fields, checked before sending so the common slip is caught at
 * once. Uses the server's own wording ("is required") so both kinds of error
 * travel the same road. Anything else (CPR format, dates, lengths) is left to
 * the server.
 */
export function requiredProblems(f: FormState, mode: Mode): FieldError[] {
  const out: FieldError[] = [];
  const need = (field: string, v: string) => {
    if (v.trim() === '') out.push({ field, message: 'is required' });
  };
  need('citizen.name', f.citizen.name);
  if (mode === 'create') {
    need('citizen.cpr', f.citizen.cpr);
    need('team_id', f.team_id);
  }
  need('legal_basis', f.legal_basis);
  need('target_group', f.target_group);
  f.dreams.forEach((d, i) => need(`dreams[${i}].text`, d.text));
  f.resources.forEach((r, i) => {
    need(`resources[${i}].type`, r.type);
    need(`resources[${i}].description`, r.description);
  });
  f.network.forEach((n, i) => {
    need(`network[${i}].name`, n.name);
    need(`network[${i}].relation`, n.relation);
    need(`network[${i}].kind`, n.kind);
  });
  f.expectations.forEach((e, i) => {
    need(`expectations[${i}].held_on`, e.held_on);
    if (e.topics.length === 0) out.push({ field: `expectations[${i}].topics`, message: 'name at least one topic' });
    need(`expectations[${i}].summary`, e.summary);
  });
  return out;
}

// ---------------------------------------------------------- field errors

const ROW_FIELDS: Record<ListName, readonly string[]> = {
  dreams: ['text', 'kind', 'expressed_by'],
  resources: ['type', 'description', 'source', 'confirmed_by_citizen'],
  network: ['name', 'relation', 'kind', 'contact_status', 'consent_to_involve', 'note'],
  expectations: ['held_on', 'topics', 'with_relatives', 'summary', 'next_review'],
};
const CONTACT_FIELDS: readonly (keyof ContactState)[] = [
  'meeting_formats',
  'meeting_places',
  'times_of_day',
  'time_notes',
  'media',
  'preferred_frequency',
  'closeness',
  'avoid_conditions',
  'agenda_in_advance',
  'notes',
  'agreed_on',
  'review_by',
];

/**
 * The API paths of every field the form renders, in page order. The form's
 * sections must follow this order (the error summary lists errors in it).
 */
export function renderedPaths(f: FormState, mode: Mode): string[] {
  const p = ['citizen.name', 'citizen.cpr'];
  if (mode === 'create') p.push('team_id');
  p.push('caseworker_id', 'legal_basis', 'legal_basis_note', 'target_group', 'follow_up_cadence', 'next_follow_up_date');
  const rows = (list: ListName, n: number) => {
    p.push(list);
    for (let i = 0; i < n; i++) for (const k of ROW_FIELDS[list]) p.push(`${list}[${i}].${k}`);
  };
  rows('dreams', f.dreams.length);
  rows('resources', f.resources.length);
  rows('network', f.network.length);
  p.push('contact_agreement');
  for (const k of CONTACT_FIELDS) p.push(`contact_agreement.${k}`);
  rows('expectations', f.expectations.length);
  return p;
}

/**
 * Where the form shows an error for an API path: one value of a checkbox
 * group ("contact_agreement.media[2]", "expectations[0].topics[1]") belongs
 * to the group.
 */
export function fieldForPath(path: string): string {
  return path.replace(/^(contact_agreement\.(?:meeting_formats|meeting_places|times_of_day|media)|expectations\[\d+\]\.topics)\[\d+\]$/, '$1');
}

export type Placed = {
  /** Message per rendered field path (the first one the server gave). */
  atField: Record<string, string>;
  /** Every error in page order; `field` is set when it can link to a field. */
  summary: { path: string; field?: string; message: string }[];
};

/** Places field errors: at the field when it is rendered, always in the summary. */
export function placeErrors(errors: readonly FieldError[], rendered: readonly string[]): Placed {
  const order = new Map(rendered.map((p, i) => [p, i]));
  const atField: Record<string, string> = {};
  const summary: Placed['summary'] = [];
  for (const e of errors) {
    const field = fieldForPath(e.field);
    if (order.has(field)) {
      if (field in atField) continue; // one message per field, as at the field
      atField[field] = e.message;
      summary.push({ path: e.field, field, message: e.message });
    } else {
      summary.push({ path: e.field, message: e.message });
    }
  }
  const pos = (s: Placed['summary'][number]) => (s.field !== undefined ? order.get(s.field)! : Number.MAX_SAFE_INTEGER);
  summary.sort((a, b) => pos(a) - pos(b)); // stable: unplaced keep the server's order
  return { atField, summary };
}

/**
 * Where a path points after row `index` of `list` was removed: null for that
 * row's own fields, one row up for the rows below it, unchanged otherwise.
 */
function pathAfterRemove(path: string, list: ListName, index: number): string | null {
  const m = new RegExp(`^${list}\\[(\\d+)\\](.*)$`).exec(path);
  if (!m) return path;
  const i = Number(m[1]);
  if (i === index) return null;
  return i > index ? `${list}[${i - 1}]${m[2]}` : path;
}

/** Field errors after a row was removed, so each message stays with its row. */
export function errorsAfterRemove(errors: Record<string, string>, list: ListName, index: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, msg] of Object.entries(errors)) {
    const moved = pathAfterRemove(path, list, index);
    if (moved !== null) out[moved] = msg;
  }
  return out;
}

export type PathParts = { list?: ListName; index?: number; field: string };

/** "dreams[1].text" → { list: 'dreams', index: 1, field: 'text' }; "citizen.cpr" → { field: 'citizen.cpr' }. */
export function parsePath(path: string): PathParts {
  const m = /^(dreams|resources|network|expectations)\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) return { list: m[1] as ListName, index: Number(m[2]), field: m[3] ?? '' };
  return { field: path };
}

/** The collapsible section that holds a path, so it can open when it has an error. */
export function sectionOf(path: string): 'contact' | 'expectations' | null {
  if (path.startsWith('contact_agreement')) return 'contact';
  if (path.startsWith('expectations')) return 'expectations';
  return null;
}

/** A known server message, so it can be shown in plain Danish. Unknown ones are shown as sent. */
export type KnownMessage =
  | { key: 'required' | 'cpr' | 'cprFuture' | 'date' | 'notAllowedChar' | 'oneOf' | 'listedTwice' | 'tooManyValues' }
  | { key: 'reviewBeforeAgreed' | 'nextBeforeHeld' | 'topicNeeded' | 'caseworkerTeam' | 'ownTeam' | 'usedTwice' }
  | { key: 'maxChars' | 'maxItems'; n: number };

export function knownMessage(message: string): KnownMessage | null {
  const fixed: Record<string, KnownMessage['key']> = {
    'is required': 'required',
    'is not a valid CPR number (DDMMYY-SSSS)': 'cpr',
    'has a date of birth in the future': 'cprFuture',
    'must be a date such as 2026-01-31': 'date',
    'contains a character that is not allowed': 'notAllowedChar',
    'is listed twice': 'listedTwice',
    'lists too many values': 'tooManyValues',
    'must not be before agreed_on': 'reviewBeforeAgreed',
    'must not be before held_on': 'nextBeforeHeld',
    'name at least one topic': 'topicNeeded',
    "must be an active caseworker or leader in the case's team": 'caseworkerTeam',
    'must be one of your teams': 'ownTeam',
    'is used twice': 'usedTwice',
  };
  const key = fixed[message];
  if (key) return { key } as KnownMessage;
  if (message.startsWith('must be one of ')) return { key: 'oneOf' };
  let m = /^must be at most (\d+) characters$/.exec(message);
  if (m) return { key: 'maxChars', n: Number(m[1]) };
  m = /^at most (\d+)$/.exec(message);
  if (m) return { key: 'maxItems', n: Number(m[1]) };
  return null;
}

// ---------------------------------------------------------- conflicts

/** A value as shown in the list of changes; the screen puts it into words. */
export type Shown =
  | { kind: 'empty' }
  | { kind: 'absent' }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'count'; value: number }
  | { kind: 'code'; group: CodeGroup; value: string }
  | { kind: 'codes'; group: CodeGroup; values: string[] }
  /** A yes/no fact about an item; shown only when true. */
  | { kind: 'flag'; flag: 'confirmed' | 'consent' | 'withRelatives'; value: boolean }
  /** An item described by several values. */
  | { kind: 'parts'; parts: Shown[] };

/** What a change is called on screen (a key of the form's conflict labels). */
export type ChangeLabel = keyof typeof formTexts.conflict.labels;

export type Change = {
  /** Stable identity of the change, e.g. "legal_basis" or "dreams/<id>". */
  path: string;
  label: ChangeLabel;
  before: Shown;
  now: Shown;
  /** The user changed the same thing; rebasing keeps the user's version. */
  yours: boolean;
};

const text = (v: string | undefined): Shown => (v ? { kind: 'text', value: v } : { kind: 'empty' });
const date = (v: string | undefined): Shown => (v ? { kind: 'date', value: v } : { kind: 'empty' });
const code = (group: CodeGroup, v: string | undefined): Shown => (v ? { kind: 'code', group, value: v } : { kind: 'empty' });
const codes = (group: CodeGroup, v: readonly string[]): Shown => (v.length ? { kind: 'codes', group, values: [...v] } : { kind: 'empty' });

/**
 * What changed between the version the user started from (`base`) and the
 * latest version on the server, in the terms of the form: the case's fields,
 * the contact agreement's fields, and each list's length and items (added,
 * removed or changed, matched by id). `mine`/`mineBase` (the user's form and
 * the form as it started) mark the changes the user also made.
 */
export function conflictChanges(base: Case, latest: Case, mineBase?: FormState, mine?: FormState): Change[] {
  const out: Change[] = [];
  const touched = (pick: (f: FormState) => unknown) => (mine && mineBase ? !same(pick(mineBase), pick(mine)) : false);
  const add = (path: string, label: ChangeLabel, before: Shown, now: Shown, yours: boolean) => {
    if (!same(before, now)) out.push({ path, label, before, now, yours });
  };

  add('citizen.name', 'citizenName', text(base.citizen.name), text(latest.citizen.name), touched((f) => f.citizen.name));
  add('citizen.cpr', 'cpr', text(base.citizen.cpr), text(latest.citizen.cpr), !!mine?.citizen.cpr.trim());
  if (base.caseworker.id !== latest.caseworker.id)
    add('caseworker_id', 'caseworker', text(base.caseworker.name), text(latest.caseworker.name), touched((f) => f.caseworker_id));
  add('legal_basis', 'legalBasis', code('legalBasis', base.legal_basis), code('legalBasis', latest.legal_basis), touched((f) => f.legal_basis));
  add('legal_basis_note', 'legalBasisNote', text(base.legal_basis_note), text(latest.legal_basis_note), touched((f) => f.legal_basis_note));
  add('target_group', 'targetGroup', code('targetGroup', base.target_group), code('targetGroup', latest.target_group), touched((f) => f.target_group));
  add(
    'follow_up_cadence',
    'cadence',
    code('frequency', base.follow_up_cadence),
    code('frequency', latest.follow_up_cadence),
    touched((f) => f.follow_up_cadence),
  );
  add(
    'next_follow_up_date',
    'nextFollowUp',
    date(base.next_follow_up_date),
    date(latest.next_follow_up_date),
    touched((f) => f.next_follow_up_date),
  );
  add('status', 'status', code('status', base.status), code('status', latest.status), false);
  add('phase', 'phase', code('phase', base.phase), code('phase', latest.phase), false);

  const b = base.contact_agreement;
  const l = latest.contact_agreement;
  const ca = <K extends keyof ContactState>(k: K, label: ChangeLabel, show: (c: Case['contact_agreement']) => Shown) =>
    add(`contact_agreement.${k}`, label, show(b), show(l), touched((f) => f.contact_agreement[k]));
  ca('meeting_formats', 'meetingFormats', (c) => codes('meetingFormat', c.meeting_formats));
  ca('meeting_places', 'meetingPlaces', (c) => codes('meetingPlace', c.meeting_places));
  ca('times_of_day', 'timesOfDay', (c) => codes('timeOfDay', c.times_of_day));
  ca('time_notes', 'timeNotes', (c) => text(c.time_notes));
  ca('media', 'media', (c) => codes('medium', c.media));
  ca('preferred_frequency', 'preferredFrequency', (c) => code('frequency', c.preferred_frequency));
  ca('closeness', 'closeness', (c) => code('closeness', c.closeness));
  ca('avoid_conditions', 'avoidConditions', (c) => text(c.avoid_conditions));
  ca('agenda_in_advance', 'agenda', (c) => ({ kind: 'bool', value: c.agenda_in_advance }));
  ca('notes', 'contactNotes', (c) => text(c.notes));
  ca('agreed_on', 'agreedOn', (c) => date(c.agreed_on));
  ca('review_by', 'reviewBy', (c) => date(c.review_by));

  const bf = caseToForm(base);
  const lf = caseToForm(latest);
  const lists: [ListName, ChangeLabel, ChangeLabel, (r: never) => Shown][] = [['dreams', 'dreamsCount', 'dream', describeDream],
    ['resources', 'resourcesCount', 'resource', describeResource],
    ['network', 'networkCount', 'networkPerson', describeNetworkPerson],
    ['expectations', 'expectationsCount', 'expectation', describeExpectation],
  ];
  for (const [list, countLabel, itemLabel, describe] of lists) {
    const before = bf[list] as { id: string }[];
    const now = lf[list] as { id: string }[];
    const d = describe as (r: { id: string }) => Shown;
    const mineRows = mine ? (mine[list] as { id: string }[]) : undefined;
    const mineBaseRows = mineBase ? (mineBase[list] as { id: string }[]) : undefined;
    const itemTouched = (id: string) => {
      if (!mineRows || !mineBaseRows) return false;
      const m = mineRows.find((r) => r.id === id);
      const o = mineBaseRows.find((r) => r.id === id);
      return !o ? false : !m || !same(m, o);
    };
    // The count is context; whose version wins is told per item.
    if (before.length !== now.length) add(list, countLabel, { kind: 'count', value: before.length }, { kind: 'count', value: now.length }, false);
    const nowById = new Map(now.map((r) => [r.id, r]));
    const beforeById = new Map(before.map((r) => [r.id, r]));
    for (const r of before) {
      const n = nowById.get(r.id);
      if (!n) add(`${list}/${r.id}`, itemLabel, d(r), { kind: 'absent' }, itemTouched(r.id));
      else if (!same(r, n)) add(`${list}/${r.id}`, itemLabel, d(r), d(n), itemTouched(r.id));
    }
    for (const n of now) if (!beforeById.has(n.id)) add(`${list}/${n.id}`, itemLabel, { kind: 'absent' }, d(n), false);
  }
  return out;
}

const parts = (...p: Shown[]): Shown => ({ kind: 'parts', parts: p.filter((x) => x.kind !== 'empty') });
const describeDream = (r: DreamRow) => parts(text(r.text), code('dreamKind', r.kind), code('expressedBy', r.expressed_by));
const describeResource = (r: ResourceRow) =>
  parts(code('resourceType', r.type), text(r.description), code('resourceSource', r.source), { kind: 'flag', flag: 'confirmed', value: r.confirmed_by_citizen });
const describeNetworkPerson = (r: NetworkRow) =>
  parts(
    text(r.name),
    text(r.relation),
    code('networkKind', r.kind),
    code('contactStatus', r.contact_status),
    { kind: 'flag', flag: 'consent', value: r.consent_to_involve },
    text(r.note),
  );
const describeExpectation = (r: ExpectationRow) =>
  parts(
    date(r.held_on),
    codes('alignmentTopic', r.topics),
    { kind: 'flag', flag: 'withRelatives', value: r.with_relatives },
    text(r.summary),
    date(r.next_review),
  );

/**
 * The user's edits carried over onto the latest version (a three-way merge).
 * Where the user changed something, the user's value is kept; everywhere else
 * the latest value from the server is taken.
 *
 * - Fields, and each field of the contact agreement, are merged one by one.
 * - List items are matched by id: an item the user changed keeps the user's
 *   version (even if it was removed on the server), an item the user removed
 *   stays removed, items added on the server are included, and the user's new
 *   items come last.
 * - A newly typed CPR number is kept.
 */
export function rebase(base: FormState, mine: FormState, theirs: FormState): FormState {
  const pick = <T>(b: T, m: T, t: T): T => (same(b, m) ? t : m);
  const contact = { ...theirs.contact_agreement };
  for (const k of CONTACT_FIELDS) {
    (contact as Record<string, unknown>)[k] = pick(base.contact_agreement[k], mine.contact_agreement[k], theirs.contact_agreement[k]);
  }
  return {
    team_id: theirs.team_id,
    caseworker_id: pick(base.caseworker_id, mine.caseworker_id, theirs.caseworker_id),
    citizen: { name: pick(base.citizen.name, mine.citizen.name, theirs.citizen.name), cpr: mine.citizen.cpr },
    legal_basis: pick(base.legal_basis, mine.legal_basis, theirs.legal_basis),
    legal_basis_note: pick(base.legal_basis_note, mine.legal_basis_note, theirs.legal_basis_note),
    target_group: pick(base.target_group, mine.target_group, theirs.target_group),
    follow_up_cadence: pick(base.follow_up_cadence, mine.follow_up_cadence, theirs.follow_up_cadence),
    next_follow_up_date: pick(base.next_follow_up_date, mine.next_follow_up_date, theirs.next_follow_up_date),
    dreams: mergeRows(base.dreams, mine.dreams, theirs.dreams),
    resources: mergeRows(base.resources, mine.resources, theirs.resources),
    network: mergeRows(base.network, mine.network, theirs.network),
    contact_agreement: contact,
    expectations: mergeRows(base.expectations, mine.expectations, theirs.expectations),
  };
}

function mergeRows<R extends { key: string; id: string }>(base: R[], mine: R[], theirs: R[]): R[] {
  const baseById = new Map(base.map((r) => [r.id, r]));
  const mineById = new Map(mine.filter((r) => r.id).map((r) => [r.id, r]));
  const theirsIds = new Set(theirs.map((r) => r.id));
  const changedByMe = (m: R) => {
    const b = baseById.get(m.id);
    return !b || !same(b, m);
  };
  const out: R[] = [];
  for (const t of theirs) {
    if (!baseById.has(t.id)) {
      out.push(t); // added on the server
      continue;
    }
    const m = mineById.get(t.id);
    if (!m) continue; // removed by me
    out.push(changedByMe(m) ? m : t);
  }
  for (const m of mine) {
    if (m.id && !theirsIds.has(m.id) && changedByMe(m)) out.push(m); // removed on the server, changed by me
  }
  for (const m of mine) if (!m.id) out.push(m); // new, not saved yet
  return out;
}
