import { describe, expect, it } from 'vitest';
import {
  completionOf,
  isChanged,
  needsNote,
  placeServerErrors,
  rowOf,
  toAnswerRequest,
  validateAnswers,
  type Edits,
} from './checklist-model';
import { aChecklist } from './fixtures';

// sagsaabning: core P1, P4, P5, P6; optional P3, P8; other P2, P7.
const saved = aChecklist('sagsaabning', {}, {
  P1_HOPES: { status: 'applied', note: 'Talt om på mødet.' },
  P3_NETWORK: { status: 'not_applied', note: 'Borgeren ville ikke endnu.' },
});
const item = (code: string) => saved.items.find((i) => i.principle.code === code)!;

describe('the checklist form model', () => {
  it('keeps the server order: core first, then optional, then the rest', () => {
    expect(saved.items.map((i) => `${i.principle.code}:${i.applicability}`)).toEqual([
      'P1_HOPES:core',
      'P4_OPENNESS:core',
      'P5_EARLY:core',
      'P6_COORDINATED:core',
      'P3_NETWORK:optional',
      'P8_KNOWLEDGE:optional',
      'P2_RESOURCES:other',
      'P7_FOLLOW_UP:other',
    ]);
  });

  it('shows the saved answer until the row is edited', () => {
    expect(rowOf(item('P1_HOPES'), {})).toEqual({ status: 'applied', note: 'Talt om på mødet.' });
    expect(rowOf(item('P1_HOPES'), { P1_HOPES: { status: 'partly_applied', note: '' } })).toEqual({ status: 'partly_applied', note: '' });
  });

  it('counts a row as changed only when answer or trimmed note differ from what is saved', () => {
    expect(isChanged(item('P1_HOPES'), { P1_HOPES: { status: 'applied', note: '  Talt om på mødet. ' } })).toBe(false);
    expect(isChanged(item('P1_HOPES'), { P1_HOPES: { status: 'applied', note: 'Talt om på mødet igen.' } })).toBe(true);
    expect(isChanged(item('P4_OPENNESS'), { P4_OPENNESS: { status: 'open', note: '' } })).toBe(false);
    expect(isChanged(item('P4_OPENNESS'), { P4_OPENNESS: { status: 'applied', note: '' } })).toBe(true);
  });

  it('builds one PATCH of the changed rows, in the checklist order, notes trimmed and left out when empty', () => {
    const edits: Edits = {
      P8_KNOWLEDGE: { status: 'not_relevant_now', note: '  Vi venter på en udredning.  ' },
      P4_OPENNESS: { status: 'applied', note: '' },
      P1_HOPES: { status: 'applied', note: 'Talt om på mødet.' }, // unchanged
      P7_FOLLOW_UP: { status: 'partly_applied', note: 'Aftalt at ringe.' },
    };
    const req = toAnswerRequest(saved, edits)!;
    expect(req.body).toEqual({
      items: [
        { principle: 'P4_OPENNESS', status: 'applied' },
        { principle: 'P8_KNOWLEDGE', status: 'not_relevant_now', note: 'Vi venter på en udredning.' },
        { principle: 'P7_FOLLOW_UP', status: 'partly_applied', note: 'Aftalt at ringe.' },
      ],
    });
    expect(req.codes).toEqual(['P4_OPENNESS', 'P8_KNOWLEDGE', 'P7_FOLLOW_UP']);
  });

  it('sends a row set back to open, and nothing when nothing changed', () => {
    expect(toAnswerRequest(saved, { P1_HOPES: { status: 'open', note: 'Talt om på mødet.' } })!.body.items).toEqual([
      { principle: 'P1_HOPES', status: 'open', note: 'Talt om på mødet.' },
    ]);
    expect(toAnswerRequest(saved, {})).toBeNull();
    expect(toAnswerRequest(saved, { P1_HOPES: { status: 'applied', note: 'Talt om på mødet.' } })).toBeNull();
  });

  it('requires a note, as the server does, for not applied and not relevant now only', () => {
    expect(['open', 'applied', 'partly_applied', 'not_applied', 'not_relevant_now'].filter((s) => needsNote(s as never))).toEqual([
      'not_applied',
      'not_relevant_now',
    ]);
    expect(
      validateAnswers({
        items: [
          { principle: 'P1_HOPES', status: 'not_applied' },
          { principle: 'P4_OPENNESS', status: 'not_relevant_now', note: '   ' },
          { principle: 'P5_EARLY', status: 'not_applied', note: 'Nåede det ikke.' },
          { principle: 'P6_COORDINATED', status: 'applied' },
          { principle: 'P8_KNOWLEDGE', status: 'partly_applied', note: '' },
        ],
      }),
    ).toEqual([
      { code: 'P1_HOPES', field: 'note', problem: 'noteRequired' },
      { code: 'P4_OPENNESS', field: 'note', problem: 'noteRequired' },
    ]);
  });

  it('allows 2000 characters in a note (counted as characters, not UTF-16 units) and refuses more', () => {
    const ok = 'ø'.repeat(1000) + '😀'.repeat(1000); // 2000 characters, 3000 UTF-16 units
    expect(validateAnswers({ items: [{ principle: 'P1_HOPES', status: 'applied', note: ok }] })).toEqual([]);
    expect(validateAnswers({ items: [{ principle: 'P1_HOPES', status: 'applied', note: ok + 'x' }] })).toEqual([
      { code: 'P1_HOPES', field: 'note', problem: 'noteTooLong', n: 2000 },
    ]);
  });

  it('puts the server’s items[k] errors on the row that was k-th in the request', () => {
    expect(
      placeServerErrors(
        [
          { field: 'items[1].note', message: 'is required when the principle is not applied or not relevant now: say why' },
          { field: 'items[0].note', message: 'must be at most 2000 characters' },
          { field: 'items[2].status', message: 'must be one of open, applied, partly_applied, not_applied, not_relevant_now' },
          { field: 'items[0].principle', message: 'is answered twice' },
          { field: 'items', message: 'must hold 1 to 8 answers' },
          { field: 'items[1].note', message: 'something new' },
        ],
        ['P4_OPENNESS', 'P8_KNOWLEDGE', 'P7_FOLLOW_UP'],
      ),
    ).toEqual([
      { code: 'P8_KNOWLEDGE', field: 'note', problem: 'noteRequired' },
      { code: 'P4_OPENNESS', field: 'note', problem: 'noteTooLong', n: 2000 },
      { code: 'P7_FOLLOW_UP', field: 'status', problem: 'oneOf' },
      { code: 'P4_OPENNESS', field: 'status', problem: 'twice' },
      { code: '', field: '', raw: 'must hold 1 to 8 answers' },
      { code: 'P8_KNOWLEDGE', field: 'note', raw: 'something new' },
    ]);
  });

  it('counts answered of relevant on the rows as shown, ignoring the other principles', () => {
    expect(completionOf(saved, {})).toEqual({ answered: 2, relevant: 6 });
    expect(
      completionOf(saved, {
        P4_OPENNESS: { status: 'applied', note: '' },
        P1_HOPES: { status: 'open', note: '' },
        P2_RESOURCES: { status: 'applied', note: '' },
      }),
    ).toEqual({ answered: 2, relevant: 6 });
  });
});
