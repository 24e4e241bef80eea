// The phase gate as the case page sees it: which checklist the server will
// read when the case leaves its phase, which core principles are open in it,
// and the refusal (409 checklist-incomplete) in a form the screen can list.
import { ApiError, type Schemas } from '@/lib/api/client';
import type { Checklist, ChecklistList } from './api/list-checklists';

export type MissingItem = Schemas['MissingItem'];

export const CHECKLIST_INCOMPLETE = 'https://bic.example/problems/checklist-incomplete';

/**
 * The checklist the gate reads when the case leaves `phase` in `iteration`,
 * as the server picks it: of that phase and iteration, the latest round that
 * has answers, otherwise the latest round. (In opfølgning a recorded review
 * starts a fresh, empty round; the gate reads the one that was worked on.)
 */
export function gateChecklist(list: ChecklistList | undefined, phase: string, iteration: number): Checklist | undefined {
  const pick = (list?.items ?? []).filter((c) => c.phase === phase && c.iteration === iteration).sort((a, b) => b.round - a.round);
  return pick.find((c) => c.state !== 'not_started') ?? pick[0];
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
