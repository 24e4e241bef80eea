import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '@/lib/i18n';
import type { ContactStatus } from './api/get-contact';
import type { Meeting } from './api/list-meetings';
import { contactText } from './contact-text';
import { neighbours, startStep, stepFromSlug, stepsDone } from './flow';
import {
  emptyPlan,
  localParts,
  notesFromMeeting,
  planFromMeeting,
  toMeetingRequest,
  toNotesChange,
  toStartsAt,
  validateNotes,
  validatePlan,
} from './plan-model';
import { timeline } from './timeline';

const t = (key: MessageKey, vars?: Vars) => translate('da', key, vars);
const TODAY = new Date(2026, 10, 24, 12, 0);

function aMeeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    case_id: 'c1',
    starts_at: '2026-11-24T09:00:00Z',
    form: 'home',
    place: 'Hjemme',
    participants: [{ kind: 'citizen' }, { kind: 'relative', name: 'Grethe' }],
    agenda_sent: true,
    agenda: [
      { id: 'a1', text: 'Bolig', added_by: 'caseworker', added_at: '2026-11-20T09:00:00Z' },
      { id: 'a2', text: 'min  cykel ', added_by: 'citizen', added_at: '2026-11-21T09:00:00Z' },
    ],
    summary: '',
    agreements: [],
    status: 'planned',
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    version: 1,
    ...over,
  };
}

function contact(over: Partial<ContactStatus> = {}): ContactStatus {
  return {
    status: 'on_track',
    preferred_frequency: 'every_2_weeks',
    interval_days: 14,
    counted_from: 'last_meeting',
    counted_from_date: '2026-11-03',
    days_since: 21,
    last_held_on: '2026-11-03',
    next_expected_on: '2026-11-17',
    window_from: '2026-08-26',
    held_by_form: [],
    forms_outside_agreement: [],
    ...over,
  };
}

describe('contact against the agreement', () => {
  it('says when the next meeting should have been', () => {
    const c = contactText(contact({ status: 'overdue' }), t, 'da', TODAY);
    expect(c.tone).toBe('overdue');
    expect(c.lines.join(' ')).toBe('Aftalt: hver 14. dag. Seneste møde: 3. november. Næste møde burde have været 17. november.');
  });

  it('says when the next meeting is due while on track, and names forms outside the agreement', () => {
    const c = contactText(
      contact({
        next_expected_on: '2026-12-01',
        forms_outside_agreement: ['video', 'phone'],
        held_by_form: [
          { form: 'office', held: 0 },
          { form: 'video', held: 2 },
          { form: 'phone', held: 1 },
        ],
      }),
      t,
      'da',
      TODAY,
    );
    expect(c.tone).toBe('ok');
    expect(c.lines).toEqual([
      'Aftalt: hver 14. dag.',
      'Seneste møde: 3. november.',
      'Næste møde senest: 1. december.',
      'Møder i en form, aftalen ikke nævner: Video og Telefon.',
      'Holdte møder de seneste 90 dage: Video 2, Telefon 1.',
    ]);
  });

  it('counts from the agreement when no meeting has been held', () => {
    const c = contactText(
      contact({ status: 'overdue', last_held_on: undefined, counted_from: 'agreement', days_since: 85, next_expected_on: '2026-09-14' }),
      t,
      'da',
      TODAY,
    );
    expect(c.lines).toEqual([
      'Aftalt: hver 14. dag.',
      'Der er ikke holdt noget møde endnu.',
      'Næste møde burde have været 14. september.',
      'Der er gået 85 dage siden aftalen blev lavet.',
    ]);
  });

  it('has nothing to be late for without an agreement', () => {
    const c = contactText(contact({ status: 'no_agreement', preferred_frequency: undefined, next_expected_on: undefined }), t, 'da', TODAY);
    expect(c.tone).toBe('none');
    expect(c.lines[0]).toBe('Der er ikke aftalt, hvor ofte I mødes.');
  });
});

describe('date and time', () => {
  it('writes the local time with its offset and reads it back', () => {
    const iso = toStartsAt('2026-11-24', '10:00')!;
    expect(iso).toMatch(/^2026-11-24T10:00:00[+-]\d{2}:\d{2}$/);
    expect(localParts(iso)).toEqual({ date: '2026-11-24', time: '10:00' });
    expect(toStartsAt('2026-11-24', '10.30')).toMatch(/^2026-11-24T10:30:00/);
    expect(toStartsAt('2026-02-30', '10:00')).toBeNull();
    expect(toStartsAt('2026-11-24', '25:00')).toBeNull();
  });

  it('starts a new meeting today at the current quarter hour, never in the future', () => {
    const p = emptyPlan(new Date(2026, 10, 24, 10, 44, 30));
    expect([p.date, p.time]).toEqual(['2026-11-24', '10:30']);
    expect(p.participants).toEqual([{ kind: 'citizen', name: '' }]);
  });
});

describe('plan form', () => {
  it('sends kept agenda items with their ids and the citizen\u2019s topic in their own words', () => {
    const s = planFromMeeting(aMeeting());
    s.agenda.push({ text: '  Ny aftale om bus ', addedBy: 'caseworker' });
    const body = toMeetingRequest(s);
    expect(body.agenda).toEqual([
      { id: 'a1', text: 'Bolig' },
      { id: 'a2', text: 'min  cykel ' },
      { text: 'Ny aftale om bus' },
    ]);
    expect(body.participants).toEqual([{ kind: 'citizen' }, { kind: 'relative', name: 'Grethe' }]);
    expect(body.agenda_sent).toBe(true);
  });

  it('names the fields with problems by their API paths', () => {
    const s = { ...emptyPlan(TODAY), date: '', time: '9', agenda: [{ text: ' ', addedBy: 'caseworker' as const }], place: 'x'.repeat(201) };
    expect(validatePlan(s).map((p) => `${p.field}:${p.problem}`)).toEqual(['starts_at:date', 'starts_at_time:time', 'place:tooLong', 'agenda[0].text:required']);
  });
});

describe('notes form', () => {
  it('suggests "held" for a planned meeting that has started, and refuses "held" before it starts', () => {
    expect(notesFromMeeting(aMeeting(), TODAY).status).toBe('held');
    expect(notesFromMeeting(aMeeting({ starts_at: '2026-12-24T09:00:00Z' }), TODAY).status).toBe('planned');
    const s = { summary: '', agreements: [{ text: '', responsible: 'citizen' as const, due: '2026-13-01' }], status: 'held' as const };
    expect(validateNotes(s, '2026-12-24T09:00:00Z', TODAY).map((p) => `${p.field}:${p.problem}`)).toEqual([
      'agreements[0].text:required',
      'agreements[0].due_date:dueDate',
      'status:heldFuture',
    ]);
  });

  it('sends the agreements whole, kept ones with their ids', () => {
    const body = toNotesChange({
      summary: ' Vi talte om bolig. ',
      agreements: [
        { id: 'g1', text: 'Ringer til boligselskabet', responsible: 'caseworker', due: '2026-12-01' },
        { text: 'Tager bussen', responsible: 'citizen', due: '' },
      ],
      status: 'held',
    });
    expect(body).toEqual({
      summary: 'Vi talte om bolig.',
      agreements: [
        { id: 'g1', text: 'Ringer til boligselskabet', responsible: 'caseworker', due_date: '2026-12-01' },
        { text: 'Tager bussen', responsible: 'citizen' },
      ],
      status: 'held',
    });
  });
});

describe('steps', () => {
  it('knows which steps are filled in and where to start', () => {
    const planned = stepsDone(aMeeting(), { ors: [], srs: [] });
    expect(planned).toEqual({ plan: true, ors: false, notes: false, srs: false });
    expect(startStep(planned, false)).toBe('plan');
    expect(startStep(planned, true)).toBe('ors');
    const afterOrs = stepsDone(aMeeting(), { ors: [{}], srs: [] });
    expect(startStep(afterOrs, true)).toBe('notes');
    const held = stepsDone(aMeeting({ status: 'held' }), { ors: [{}], srs: [], answers: {} });
    expect(held).toEqual({ plan: true, ors: true, notes: true, srs: true });
    expect(startStep(held, true)).toBe('plan');
  });

  it('reads the step from the URL and names its neighbours', () => {
    expect(stepFromSlug('noter')).toBe('notes');
    expect(stepFromSlug('notes')).toBeUndefined();
    expect(neighbours('plan')).toEqual({ next: 'ors' });
    expect(neighbours('notes')).toEqual({ previous: 'ors', next: 'srs' });
    expect(neighbours('srs')).toEqual({ previous: 'notes' });
  });
});

describe('timeline', () => {
  it('puts phase changes, follow-ups and meetings in one list, newest first', () => {
    const by = { id: 'u', name: 'Ane Holm' };
    const entries = timeline(
      [
        { id: 'h1', from: '', to: 'sagsaabning', iteration: 1, occurred_at: '2026-03-01T09:00:00Z', by },
        { id: 'h2', from: 'sagsaabning', to: 'sagsoplysning', iteration: 1, occurred_at: '2026-11-10T09:00:00Z', by },
      ],
      [{ id: 'f1', held_on: '2026-11-24', by: 'Ane Holm', next_follow_up_date: '2027-03-24' }],
      [aMeeting({ id: 'm1', starts_at: '2026-11-24T09:00:00Z' }), aMeeting({ id: 'm0', starts_at: '2026-06-01T09:00:00Z' })],
    );
    expect(entries.map((e) => e.key)).toEqual(['meeting-m1', 'followup-f1', 'phase-h2', 'meeting-m0', 'phase-h1']);
  });
});
