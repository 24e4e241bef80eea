// The phase gate as the case page sees it: the checklist the server will
// read when the case leaves its phase, which core principles are open in it,
// and the refusal (409 checklist-incomplete) in a form the screen can list.
import { ApiError, type Schemas } from '@/lib/api/client';
import type { Checklist, ChecklistList } from './api/list-checklists';

export type MissingItem = Schemas['MissingItem'];

export const CHECKLIST_INCOMPLETE = 'https://bic.example/problems/checklist-incomplete';

/**
 * The checklist the gate reads when the case leaves its phase: the server
 * flags it (`gate`), so the rule for picking it (in opfølgning the latest
 * round with answers) lives in one place.
 */
export function gateChecklist(list: ChecklistList | undefined): Checklist | undefined {
  return list?.items.find((c) => c.gate);
}

/** The open core principles of a checklist, in the checklist's order, with their titles. */
export function openCore(checklist: Checklist | undefined): Checklist['items'][number]['principle'][] {
  if (!checklist) return [];
  const open = new Set(checklist.open_core);
  return checklist.items.filter((i) => open.has(i.principle.code)).map((i) => i.principle);
}

/** The principles a refused move lists, or null when the error is not the gate's refusal. */
export function gateRefusal(err: unknown): MissingItem[] | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.problem.type !== CHECKLIST_INCOMPLETE) return null;
  return err.problem.missing ?? [];
}
