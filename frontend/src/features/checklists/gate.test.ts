import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { aChecklist } from './fixtures';
import { gateChecklist, gateRefusal, openCore } from './gate';

describe('the phase gate as the case page sees it', () => {
  it('reads the checklist of the phase and iteration being left', () => {
    const old = aChecklist('sagsaabning', { id: 'old', iteration: 1, current: false });
    const now = aChecklist('sagsaabning', { id: 'now', iteration: 2 });
    const other = aChecklist('sagsoplysning', { id: 'other', iteration: 2, current: false });
    expect(gateChecklist({ items: [now, other, old] }, 'sagsaabning', 2)?.id).toBe('now');
    expect(gateChecklist({ items: [now, other, old] }, 'sagsaabning', 1)?.id).toBe('old');
    expect(gateChecklist({ items: [] }, 'sagsaabning', 1)).toBeUndefined();
    expect(gateChecklist(undefined, 'sagsaabning', 1)).toBeUndefined();
  });

  it('in opfølgning reads the latest round with answers, not a fresh empty one', () => {
    const r1 = aChecklist('opfoelgning', { id: 'r1', round: 1, current: false }, { P1_HOPES: { status: 'applied' } });
    const r2 = aChecklist('opfoelgning', { id: 'r2', round: 2, current: false }, { P7_FOLLOW_UP: { status: 'applied' } });
    const r3 = aChecklist('opfoelgning', { id: 'r3', round: 3 });
    expect(gateChecklist({ items: [r3, r2, r1] }, 'opfoelgning', 1)?.id).toBe('r2');
    expect(gateChecklist({ items: [r3] }, 'opfoelgning', 1)?.id).toBe('r3');
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
