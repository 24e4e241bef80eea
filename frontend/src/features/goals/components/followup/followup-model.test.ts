import { describe, expect, it } from 'vitest';
import {
  blankItem,
  initialForm,
  placeServerErrors,
  reviewGoals,
  toFollowUpRequest,
  validateFollowUp,
  type FollowUpForm,
  type Goal,
  type ItemForm,
} from './followup-model';

let n = 0;
function goal(over: Partial<Goal> = {}): Goal {
  n += 1;
  const id = over.id ?? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    case_id: 'c',
    title: `Mål ${n}`,
    status: 'active',
    horizon: 'short',
    specific: '',
    measurable_indicator: '',
    measurable_target: '',
    achievable_steps: '',
    achievable_resources: '',
    relevant: '',
    participants: [],
    progress: [],
    allowed_next_statuses: [],
    smart: { met: true, criteria: [] },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
    ...over,
  };
}

const LEVELS = { minus2: 'a', minus1: 'b', zero: 'c', plus1: 'd', plus2: 'e' };

function formWith(items: Record<string, Partial<ItemForm>>, over: Partial<FollowUpForm> = {}): FollowUpForm {
  const f = { ...initialForm('2026-11-24'), nextDate: '2027-02-24', ...over };
  for (const [id, patch] of Object.entries(items)) f.items[id] = { ...blankItem(), ...patch };
  return f;
}

describe('reviewGoals', () => {
  it('takes only goals being worked on, each main goal followed by its sub-goals', () => {
    const main = goal({ title: 'Hoved' });
    const draft = goal({ status: 'draft' });
    const sub = goal({ parent_id: main.id, status: 'adjusted' });
    const subDone = goal({ parent_id: main.id, status: 'achieved' });
    const other = goal({ status: 'adjusted' });
    const stopped = goal({ status: 'discontinued' });
    const orphanSub = goal({ parent_id: stopped.id });
    expect(reviewGoals([sub, main, draft, subDone, other, stopped, orphanSub]).map((g) => g.id)).toEqual([
      main.id,
      sub.id,
      other.id,
      orphanSub.id,
    ]);
  });
});

describe('toFollowUpRequest', () => {
  it('sends one item per goal being worked on, values only when chosen', () => {
    const a = goal();
    const b = goal({ status: 'adjusted' });
    const done = goal({ status: 'achieved' });
    const form = formWith({ [a.id]: { citizenValue: '6', caseworkerValue: '7' }, [done.id]: { citizenValue: '3' } }, { note: '  Godt møde ' });
    const { body, goalIds } = toFollowUpRequest(form, [a, b, done]);
    expect(goalIds).toEqual([a.id, b.id]);
    expect(body).toEqual({
      held_on: '2026-11-24',
      next_follow_up_date: '2027-02-24',
      note: 'Godt møde',
      items: [
        { goal_id: a.id, decision: 'keep', citizen_value: 6, caseworker_value: 7 },
        { goal_id: b.id, decision: 'keep' },
      ],
    });
  });

  it('keeps the reason only for adjust and end, and the next step only when ending as achieved', () => {
    const keep = goal();
    const adjust = goal();
    const stop = goal();
    const reached = goal();
    const form = formWith({
      [keep.id]: { decision: 'keep', reason: 'ignored', endStatus: 'achieved', nextStepKind: 'new_goal', nextStepNote: 'x' },
      [adjust.id]: { decision: 'adjust', reason: ' For svært ', endStatus: 'achieved', nextStepKind: 'new_goal' },
      [stop.id]: { decision: 'end', endStatus: 'discontinued', reason: 'Ønsker det ikke mere', nextStepKind: 'agreed_end', nextStepNote: 'x' },
      [reached.id]: { decision: 'end', endStatus: 'achieved', reason: 'Nået', nextStepKind: 'new_goal', nextStepNote: ' Nyt mål om arbejde ' },
    });
    const { body } = toFollowUpRequest(form, [keep, adjust, stop, reached]);
    expect(body.items).toEqual([
      { goal_id: keep.id, decision: 'keep' },
      { goal_id: adjust.id, decision: 'adjust', reason: 'For svært' },
      { goal_id: stop.id, decision: 'end', reason: 'Ønsker det ikke mere', end_status: 'discontinued' },
      {
        goal_id: reached.id,
        decision: 'end',
        reason: 'Nået',
        end_status: 'achieved',
        next_step_kind: 'new_goal',
        next_step_note: 'Nyt mål om arbejde',
      },
    ]);
  });

  it('sends a GAS level only for goals with levels', () => {
    const withLevels = goal({ gas_levels: LEVELS });
    const without = goal();
    const form = formWith({ [withLevels.id]: { gasLevel: '-1' }, [without.id]: { gasLevel: '2' } });
    const { body } = toFollowUpRequest(form, [withLevels, without]);
    expect(body.items[0]).toEqual({ goal_id: withLevels.id, decision: 'keep', gas_level: -1 });
    expect(body.items[1]).toEqual({ goal_id: without.id, decision: 'keep' });
  });

  it('leaves the note out when empty', () => {
    const { body } = toFollowUpRequest(formWith({}), [goal()]);
    expect('note' in body).toBe(false);
  });
});

describe('validateFollowUp', () => {
  const today = '2026-11-24';

  it('accepts a plain review', () => {
    expect(validateFollowUp(formWith({}), [goal()], today)).toEqual([]);
  });

  it('needs the dates in order', () => {
    const g = [goal()];
    expect(validateFollowUp(formWith({}, { heldOn: '', nextDate: '' }), g, today)).toEqual([
      { path: 'held_on', code: 'heldOnRequired' },
      { path: 'next_follow_up_date', code: 'nextDateRequired' },
    ]);
    expect(validateFollowUp(formWith({}, { heldOn: '2026-11-25', nextDate: '2026-11-25' }), g, today)).toEqual([
      { path: 'held_on', code: 'heldOnFuture' },
      { path: 'next_follow_up_date', code: 'nextDateOrder' },
    ]);
    expect(validateFollowUp(formWith({}, { nextDate: '2026-11-24' }), g, today)).toEqual([
      { path: 'next_follow_up_date', code: 'nextDateOrder' },
    ]);
    expect(validateFollowUp(formWith({}, { heldOn: '2026-02-30' }), g, today)).toEqual([{ path: 'held_on', code: 'date' }]);
  });

  it('needs a reason to adjust or end, how it ended, and the next step when reached', () => {
    const keep = goal();
    const adjust = goal();
    const end = goal();
    const reached = goal();
    const form = formWith({
      [adjust.id]: { decision: 'adjust', reason: '  ' },
      [end.id]: { decision: 'end', reason: 'Stop' },
      [reached.id]: { decision: 'end', endStatus: 'achieved', reason: 'Nået' },
    });
    expect(validateFollowUp(form, [keep, adjust, end, reached], today)).toEqual([
      { path: 'items[1].reason', code: 'reasonRequired' },
      { path: 'items[2].end_status', code: 'endStatusRequired' },
      { path: 'items[3].next_step_kind', code: 'nextStepRequired' },
      { path: 'items[3].next_step_note', code: 'nextStepNoteRequired' },
    ]);
  });

  it('counts items in the order they are sent (only goals being worked on)', () => {
    const done = goal({ status: 'achieved' });
    const a = goal();
    const form = formWith({ [a.id]: { decision: 'adjust' } });
    expect(validateFollowUp(form, [done, a], today)).toEqual([{ path: 'items[0].reason', code: 'reasonRequired' }]);
  });
});

describe('placeServerErrors', () => {
  it('puts items[k] errors on the k-th goal sent, in plain codes', () => {
    const a = goal();
    const b = goal();
    const c = goal();
    const goals = [a, b, c];
    const { goalIds } = toFollowUpRequest(formWith({}), goals);
    expect(
      placeServerErrors(
        [
          { field: 'items[2].reason', message: 'is required' },
          { field: 'items[0].citizen_value', message: 'must be a whole number from 1 to 10' },
          { field: 'items[1].goal_id', message: 'is not a goal being worked on in this case' },
          { field: 'next_follow_up_date', message: 'must be after the follow-up and not in the past' },
          { field: 'note', message: 'must be at most 4000 characters' },
          { field: 'items', message: 'review every goal being worked on; missing: Nyt mål' },
          { field: 'held_on', message: 'something new' },
        ],
        goalIds,
        goals,
      ),
    ).toEqual([
      { path: 'items[2].reason', code: 'reasonRequired' },
      { path: 'items[0].citizen_value', code: 'value' },
      { path: 'items[1]', code: 'notInProgress' },
      { path: 'next_follow_up_date', code: 'nextDateOrder' },
      { path: 'note', code: 'maxChars', n: 4000 },
      { path: 'items', code: 'missingGoals' },
      { path: 'held_on', raw: 'something new' },
    ]);
  });

  it('follows the goal when the list has changed since sending', () => {
    const a = goal();
    const b = goal();
    const { goalIds } = toFollowUpRequest(formWith({}), [a, b]);
    const now = [goal(), a, b];
    expect(placeServerErrors([{ field: 'items[1].reason', message: 'is required' }], goalIds, now)).toEqual([
      { path: 'items[2].reason', code: 'reasonRequired' },
    ]);
  });
});
