import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { aChecklist } from './fixtures';
import { gateChecklist, gateRefusal, openCore } from './gate';

describe('the phase gate as the case page sees it', () => {
  it('reads the checklist the server flags as the one the gate reads', () => {
    // In opfølgning the server flags the latest round with answers, not a
    // fresh empty one (tested in the API's checklists suite).
    const r1 = aChecklist('opfoelgning', { id: 'r1', round: 1, current: false, gate: false }, { P1_HOPES: { status: 'applied' } });
    const r2 = aChecklist('opfoelgning', { id: 'r2', round: 2, current: false, gate: true }, { P7_FOLLOW_UP: { status: 'applied' } });
    const r3 = aChecklist('opfoelgning', { id: 'r3', round: 3, current: true, gate: false });
    expect(gateChecklist({ items: [r3, r2, r1] })?.id).toBe('r2');
    expect(gateChecklist({ items: [aChecklist('sagsaabning', { id: 'now' })] })?.id).toBe('now');
    expect(gateChecklist({ items: [r1] })).toBeUndefined();
    expect(gateChecklist({ items: [] })).toBeUndefined();
    expect(gateChecklist(undefined)).toBeUndefined();
  });

  it('lists the open core principles with their titles, in the checklist order', () => {
    const c = aChecklist('sagsaabning', {}, { P1_HOPES: { status: 'applied' }, P5_EARLY: { status: 'not_relevant_now', note: 'x' } });
    expect(openCore(c).map((p) => p.code)).toEqual(['P4_OPENNESS', 'P6_COORDINATED']);
    expect(openCore(c)[0]!.title_da).toBe('Mød borgerne med åbenhed, tillid og respekt');
    expect(openCore(undefined)).toEqual([]);
  });

  it('recognises the refusal by its problem type and reads its missing member', () => {
    const missing = [{ code: 'P1_HOPES', title: 'Tag udgangspunkt i borgernes håb, ønsker og drømme' }];
    const refusal = new ApiError(409, {
      type: 'https://bic.example/problems/checklist-incomplete',
      title: 'Checklist incomplete',
      status: 409,
      detail: '…',
      missing,
    });
    expect(gateRefusal(refusal)).toEqual(missing);
    expect(gateRefusal(new ApiError(409, { type: 'https://bic.example/problems/conflict', title: 'Conflict', status: 409, detail: '' }))).toBeNull();
    expect(gateRefusal(new Error('network'))).toBeNull();
    expect(gateRefusal(null)).toBeNull();
  });
});
