// The checklist form as plain data, and the pure rules around it: what the
// user has changed, the one PATCH body that saves it, the checks the server
// makes (mirrored, so most mistakes are caught before sending), and where the
// server's `items[k].note` errors go. No React here, so it is tested on its own.
import type { Schemas } from '@/lib/api/client';
import type { Checklist, ChecklistItem, ItemStatus, PrincipleCode } from './api/list-checklists';

export type AnswerRequest = Schemas['AnswerChecklistRequest'];
export type Answer = Schemas['ChecklistItemAnswer'];

/** The answers in the order they are offered; "open" keeps a principle unanswered. */
export const ANSWERS = ['applied', 'partly_applied', 'not_applied', 'not_relevant_now', 'open'] as const satisfies readonly ItemStatus[];

/** The server's limit on a note, in characters. */
export const NOTE_MAX = 2000;

/** What one row shows: the answer and the note as typed. */
export type Row = { status: ItemStatus; note: string };

/** The user's edits, per principle; a principle not here shows what is saved. */
export type Edits = Partial<Record<PrincipleCode, Row>>;

/** Not applied and not relevant now must say why (the server refuses otherwise). */
export function needsNote(status: ItemStatus): boolean {
  return status === 'not_applied' || status === 'not_relevant_now';
}

export function isRelevant(item: Pick<ChecklistItem, 'applicability'>): boolean {
  return item.applicability !== 'other';
}

/** The row as on screen: the user's edit, or what is saved. */
export function rowOf(item: ChecklistItem, edits: Edits): Row {
  return edits[item.principle.code] ?? { status: item.status, note: item.note };
}

/** Whether the row differs from what is saved (notes compared as the server keeps them: trimmed). */
export function isChanged(item: ChecklistItem, edits: Edits): boolean {
  const row = edits[item.principle.code];
  return !!row && (row.status !== item.status || row.note.trim() !== item.note);
}

/** Answered of relevant, counted on the rows as on screen (as the server counts them once saved). */
export function completionOf(checklist: Pick<Checklist, 'items'>, edits: Edits): { answered: number; relevant: number } {
  let answered = 0;
  let relevant = 0;
  for (const it of checklist.items) {
    if (!isRelevant(it)) continue;
    relevant += 1;
    if (rowOf(it, edits).status !== 'open') answered += 1;
  }
  return { answered, relevant };
}

/**
 * The PATCH body: one answer per changed row, in the checklist's order, with
 * the note trimmed (left out when empty). `codes[k]` is the principle of
 * `items[k]`, for placing the server's errors. Null when nothing changed.
 */
export function toAnswerRequest(checklist: Pick<Checklist, 'items'>, edits: Edits): { body: AnswerRequest; codes: PrincipleCode[] } | null {
  const items: Answer[] = [];
  for (const it of checklist.items) {
    if (!isChanged(it, edits)) continue;
    const row = rowOf(it, edits);
    const note = row.note.trim();
    items.push({ principle: it.principle.code, status: row.status, ...(note ? { note } : {}) });
  }
  if (!items.length) return null;
  return { body: { items }, codes: items.map((i) => i.principle) };
}

/** Why a row is wrong, as a code the screen puts into words. */
export type ProblemCode = 'noteRequired' | 'noteTooLong' | 'oneOf' | 'twice';

/** A problem with one row's answer (`field: 'status'`) or note; `raw` is the server's wording we have no code for. */
export type RowProblem = { code: PrincipleCode | ''; field: 'status' | 'note' | ''; problem?: ProblemCode; n?: number; raw?: string };

/** The server's checks on the answers it is sent, made before sending. */
export function validateAnswers(body: AnswerRequest): RowProblem[] {
  const out: RowProblem[] = [];
  for (const a of body.items) {
    const note = (a.note ?? '').trim();
    const length = [...note].length; // the server counts characters, not UTF-16 units
    if (length > NOTE_MAX) out.push({ code: a.principle, field: 'note', problem: 'noteTooLong', n: NOTE_MAX });
    else if (length === 0 && needsNote(a.status)) out.push({ code: a.principle, field: 'note', problem: 'noteRequired' });
  }
  return out;
}

/** The server's wording → our code (the API answers in English). */
function problemOf(message: string): { problem?: ProblemCode; n?: number } {
  if (message.startsWith('is required')) return { problem: 'noteRequired' };
  const max = /^must be at most (\d+) characters$/.exec(message);
  if (max) return { problem: 'noteTooLong', n: Number(max[1]) };
  if (message.startsWith('must be one of')) return { problem: 'oneOf' };
  if (message === 'is answered twice') return { problem: 'twice' };
  return {};
}

/**
 * Places the server's field errors on the rows: `items[k].note` refers to the
 * k-th answer sent, whose principle is codes[k]. Errors about the request as a
 * whole have no row.
 */
export function placeServerErrors(errors: readonly { field: string; message: string }[], codes: readonly PrincipleCode[]): RowProblem[] {
  return errors.map((e) => {
    const { problem, n } = problemOf(e.message);
    const m = /^items\[(\d+)\]\.(\w+)$/.exec(e.field);
    const code = m ? codes[Number(m[1])] : undefined;
    const field = m?.[2] === 'note' ? 'note' : 'status';
    return {
      code: code ?? '',
      field: code ? field : '',
      ...(problem ? { problem } : { raw: e.message }),
      ...(n !== undefined ? { n } : {}),
    };
  });
}

/** API-style path of a row or of one of its fields, used for DOM ids ("items.P1_HOPES.note"). */
export function rowPath(code: PrincipleCode, field?: 'status' | 'note'): string {
  return field === 'note' ? `items.${code}.note` : `items.${code}`;
}
