// POST /cases/{id}/phase with If-Match. The answer is the moved case plus the
// phase gate's verdict (PhaseMove): in warn mode, the core principles that were
// open in the checklist of the phase left. In require mode a move with open
// core principles is refused with 409 checklist-incomplete, whose `missing`
// member lists them. A move starts a new checklist, so the case's checklists
// are fetched again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap, type Schemas } from '@/lib/api/client';
import { checklistKeys } from '@/features/checklists/api/keys';
import { storeChangedCase, type CaseWithEtag } from './get-case';

export type MovePhaseVars = Schemas['MovePhaseRequest'] & { etag: string };
export type PhaseMove = Schemas['PhaseMove'];
export type PhaseGate = PhaseMove['phase_gate'];

/** The moved case with its ETag, and the gate's verdict. */
export type MovedCase = CaseWithEtag & { gate: PhaseGate };

export async function movePhase(id: string, { etag, ...body }: MovePhaseVars): Promise<MovedCase> {
  const res = await api.POST('/cases/{id}/phase', { params: { path: { id }, header: { 'If-Match': etag } }, body });
  const { phase_gate: gate, ...data } = unwrap(res);
  return { data, etag: etagOf(res.response) || `"${data.version}"`, gate };
}

export function useMovePhase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: MovePhaseVars) => movePhase(id, vars),
    onSuccess: ({ data, etag }) =>
      Promise.all([storeChangedCase(qc, { data, etag }), qc.invalidateQueries({ queryKey: checklistKeys.case(id) })]),
  });
}
