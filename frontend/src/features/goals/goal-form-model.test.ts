import { describe, expect, it } from 'vitest';
import type { Schemas } from '@/lib/api/client';
import {
  NIL_UUID,
  emptyGoalForm,
  fieldOrder,
  goalToForm,
  orderErrors,
  participantRow,
  rebaseGoalForm,
  requiredProblems,
  toGoalInput,
  toUpdateRequest,
  type GoalForm,
} from './goal-form-model';

const DREAM = '9b2f1d9e-0c59-4c0e-9b0a-2f6f1f3b8a11';
const PARENT = '2b7c8d1e-3f4a-4b5c-8d6e-7f8091a2b3c4';

function goal(over: Partial<Schemas['Goal']> = {}): Schemas['Goal'] {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    case_id: '22222222-2222-4222-8222-222222222222',
    title: 'Tage bussen alene til min søster',
    specific: 'Jeg tager bussen alene',
    measurable_indicator: 'Ture om ugen',
    measurable_target: 'To ture om ugen',
    achievable_steps: 'Øve turen med støtte',
    achievable_resources: 'Kender ruten',
    relevant: 'Så kan jeg se min søster',
    target_date: '2027-06-30',
    horizon: 'short',
    dream_id: DREAM,
    participants: [{ kind: 'citizen' }, { kind: 'network', name: 'Jens', task: 'Går med første gang' }],
    status: 'draft',
    allowed_next_statuses: ['active', 'discontinued'],
    progress: [],
    smart: { met: true, criteria: [] },
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    version: 1,
    ...over,
  };
}

describe('form → GoalInput', () => {
  it('trims, leaves empty texts out and keeps the choices', () => {
    const f: GoalForm = {
      ...emptyGoalForm(),
      title: '  Tage bussen  ',
      specific: ' ',
      measurable_indicator: 'Ture om ugen ',
      dream_id: DREAM,
      target_date: '2027-06-30',
      horizon: 'long',
      participants: [participantRow('citizen'), participantRow('provider', ' Bostedet ', ' kører med '), participantRow('')],
    };
    expect(toGoalInput(f)).toEqual({
      title: 'Tage bussen',
      measurable_indicator: 'Ture om ugen',
      dream_id: DREAM,
      target_date: '2027-06-30',
      horizon: 'long',
      participants: [{ kind: 'citizen' }, { kind: 'provider', name: 'Bostedet', task: 'kører med' }],
    });
  });

  it('names the main goal of a sub-goal and sends GAS levels only when used', () => {
    const f = { ...emptyGoalForm({ dream_id: DREAM }), title: 'Delmål' };
    expect(f.dream_id).toBe(DREAM);
    const sub = toGoalInput(f, PARENT);
    expect(sub.parent_id).toBe(PARENT);
    expect(sub.gas_levels).toBeUndefined();
    const gas = toGoalInput({ ...f, gas_on: true, gas_levels: { minus2: 'a', minus1: 'b', zero: ' c ', plus1: 'd', plus2: 'e' } });
    expect(gas.gas_levels).toEqual({ minus2: 'a', minus1: 'b', zero: 'c', plus1: 'd', plus2: 'e' });
  });

  it('starts a new goal with the citizen and the caseworker taking part', () => {
    expect(toGoalInput({ ...emptyGoalForm(), title: 'x' }).participants).toEqual([{ kind: 'citizen' }, { kind: 'caseworker' }]);
  });
});

describe('form → UpdateGoalRequest', () => {
  it('sends nothing when nothing changed', () => {
    const g = goal();
    expect(toUpdateRequest(goalToForm(g), goalToForm(g))).toEqual({});
  });

  it('sends only what changed; an emptied date and dream are cleared', () => {
    const base = goalToForm(goal());
    const now: GoalForm = { ...base, title: 'Nyt navn ', target_date: '', dream_id: '', participants: base.participants.slice(0, 1) };
    expect(toUpdateRequest(base, now)).toEqual({ title: 'Nyt navn', target_date: '', dream_id: NIL_UUID, participants: [{ kind: 'citizen' }] });
  });

  it('clears GAS levels when switched off and sends the attained level when set', () => {
    const levels = { minus2: 'a', minus1: 'b', zero: 'c', plus1: 'd', plus2: 'e' };
    const base = goalToForm(goal({ gas_levels: levels }));
    expect(base.gas_on).toBe(true);
    expect(toUpdateRequest(base, { ...base, gas_on: false })).toEqual({ clear_gas_levels: true });
    expect(toUpdateRequest(base, { ...base, gas_attained: '1' })).toEqual({ gas_attained: 1 });
  });
});

describe('after a 412', () => {
  it("keeps the user's edits and takes the rest from the newer version", () => {
    const base = goalToForm(goal());
    const mine = { ...base, measurable_target: 'Tre ture om ugen' };
    const theirs = { ...goalToForm(goal({ title: 'Deres titel', measurable_target: 'Én tur' })) };
    const out = rebaseGoalForm(base, mine, theirs);
    expect(out.title).toBe('Deres titel');
    expect(out.measurable_target).toBe('Tre ture om ugen');
  });
});

describe('client-side checks and error order', () => {
  it('asks for a title, a dream on a main goal, and a reason when activating', () => {
    const f = emptyGoalForm();
    expect(requiredProblems(f, { isSub: false, activating: true, reason: ' ' }).map((p) => p.field)).toEqual(['title', 'dream_id', 'reason']);
    expect(requiredProblems({ ...f, title: 'x' }, { isSub: true, activating: false, reason: '' })).toEqual([]);
  });

  it('asks who each participant is and for all GAS levels when used', () => {
    const f: GoalForm = { ...emptyGoalForm(), title: 'x', dream_id: DREAM, participants: [participantRow('')], gas_on: true };
    expect(requiredProblems(f, { isSub: false, activating: false, reason: '' }).map((p) => p.field)).toEqual([
      'participants[0].kind',
      'gas_levels.minus2',
      'gas_levels.minus1',
      'gas_levels.zero',
      'gas_levels.plus1',
      'gas_levels.plus2',
    ]);
  });

  it('orders server errors as the form shows its fields, one per field, unknown fields last', () => {
    const f = emptyGoalForm();
    const { shown, other } = orderErrors(
      [
        { field: 'target_date', message: 'a' },
        { field: 'parent_id', message: 'b' },
        { field: 'specific', message: 'c' },
        { field: 'specific', message: 'd' },
        { field: 'participants[1].name', message: 'e' },
      ],
      fieldOrder(f),
    );
    expect(shown.map((e) => `${e.field}:${e.message}`)).toEqual(['specific:c', 'target_date:a', 'participants[1].name:e']);
    expect(other.map((e) => e.field)).toEqual(['parent_id']);
  });
});
