import { describe, expect, it } from 'vitest';
import { aCase } from './fixtures';
import {
  caseToForm,
  conflictChanges,
  emptyForm,
  errorsAfterRemove,
  fieldForPath,
  knownMessage,
  newDream,
  placeErrors,
  rebase,
  renderedPaths,
  requiredProblems,
  toCreateRequest,
  toUpdateRequest,
  type FormState,
} from './form-model';

function filledNewForm(): FormState {
  const f = emptyForm('t1');
  f.citizen = { name: ' Karen Østergaard ', cpr: '010190-1234' };
  f.legal_basis = 'sel_85';
  f.target_group = 'autism';
  return f;
}

describe('a case in the form', () => {
  it('keeps every item id, so the server keeps the items', () => {
    const f = caseToForm(aCase());
    expect(f.dreams.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(f.resources[0]!.id).toBe('r1');
    expect(f.network[0]!.id).toBe('n1');
    expect(f.expectations[0]!.id).toBe('e1');
  });

  it('starts with an empty CPR field, because the API only shows the number masked', () => {
    expect(caseToForm(aCase()).citizen).toEqual({ name: 'Karen Østergaard', cpr: '' });
  });

  it('turns absent optional values into empty fields', () => {
    const f = caseToForm(aCase({ follow_up_cadence: undefined, next_follow_up_date: undefined }));
    expect(f.follow_up_cadence).toBe('');
    expect(f.next_follow_up_date).toBe('');
    expect(f.contact_agreement.preferred_frequency).toBe('');
    expect(f.network[0]!.note).toBe('');
  });
});

describe('creating a case', () => {
  it('sends the required fields trimmed and leaves out empty optional ones', () => {
    const body = toCreateRequest(filledNewForm());
    expect(body).toEqual({
      team_id: 't1',
      citizen: { name: 'Karen Østergaard', cpr: '010190-1234' },
      legal_basis: 'sel_85',
      target_group: 'autism',
      dreams: [],
      resources: [],
      network: [],
      expectations: [],
    });
  });

  it('leaves out an untouched contact agreement but sends one that has content', () => {
    const f = filledNewForm();
    expect(toCreateRequest(f).contact_agreement).toBeUndefined();
    f.contact_agreement.media = ['sms'];
    expect(toCreateRequest(f).contact_agreement).toEqual({ meeting_formats: [], meeting_places: [], times_of_day: [], media: ['sms'], agenda_in_advance: false });
  });

  it('sends new list items without an id and with their chosen values', () => {
    const f = filledNewForm();
    f.dreams = [{ ...newDream(), text: ' At få en hund ' }];
    expect(toCreateRequest(f).dreams).toEqual([{ text: 'At få en hund', kind: 'unspecified', expressed_by: 'citizen' }]);
  });

  it('names the coordinating caseworker only when one is chosen (the server defaults to the creator)', () => {
    const f = filledNewForm();
    expect(toCreateRequest(f)).not.toHaveProperty('caseworker_id');
    f.caseworker_id = 'u2';
    expect(toCreateRequest(f).caseworker_id).toBe('u2');
  });
});

describe('saving changes to a case', () => {
  const base = () => caseToForm(aCase());

  it('sends nothing when nothing changed', () => {
    const b = base();
    expect(toUpdateRequest(b, structuredClone(b))).toEqual({});
  });

  it('does not count whitespace or the order of ticked boxes as a change', () => {
    const b = base();
    const f = structuredClone(b);
    f.citizen.name = 'Karen Østergaard  ';
    f.contact_agreement.meeting_places = ['citizen_home', 'outdoors'];
    expect(toUpdateRequest(b, f)).toEqual({});
  });

  it('sends only the top-level fields that changed', () => {
    const b = base();
    const f = structuredClone(b);
    f.legal_basis = 'sel_107';
    f.next_follow_up_date = '';
    expect(toUpdateRequest(b, f)).toEqual({ legal_basis: 'sel_107', next_follow_up_date: '' });
  });

  it('sends a changed list whole, with the ids of the items kept', () => {
    const b = base();
    const f = structuredClone(b);
    f.dreams[1]!.text = 'At se min søster hver uge';
    f.dreams.push({ ...newDream(), text: 'At lære at svømme' });
    expect(toUpdateRequest(b, f)).toEqual({
      dreams: [
        { id: 'd1', text: 'At få et arbejde med dyr', kind: 'dream', expressed_by: 'citizen' },
        { id: 'd2', text: 'At se min søster hver uge', kind: 'wish', expressed_by: 'citizen' },
        { text: 'At lære at svømme', kind: 'unspecified', expressed_by: 'citizen' },
      ],
    });
  });

  it('sends a removed item as a shorter list', () => {
    const b = base();
    const f = structuredClone(b);
    f.dreams.splice(0, 1);
    expect(toUpdateRequest(b, f).dreams?.map((d) => d.id)).toEqual(['d2']);
  });

  it('sends the whole contact agreement when one part of it changed (the server replaces it whole)', () => {
    const b = base();
    const f = structuredClone(b);
    f.contact_agreement.agenda_in_advance = false;
    expect(toUpdateRequest(b, f).contact_agreement).toEqual({
      meeting_formats: ['walk_and_talk'],
      meeting_places: ['outdoors', 'citizen_home'],
      times_of_day: ['afternoon'],
      media: ['sms'],
      agenda_in_advance: false,
      closeness: 'standard',
      notes: 'Ring ikke før kl. 10',
    });
  });

  it('sends a CPR number only when a new one was typed, and the name only if it changed', () => {
    const b = base();
    const f = structuredClone(b);
    f.citizen.cpr = '020290-1234';
    expect(toUpdateRequest(b, f)).toEqual({ citizen: { cpr: '020290-1234' } });
  });

  it('can clear the follow-up cadence with an empty value', () => {
    const b = base();
    const f = structuredClone(b);
    f.follow_up_cadence = '';
    expect(toUpdateRequest(b, f)).toEqual({ follow_up_cadence: '' });
  });
});

describe('required fields checked before sending', () => {
  it('names the empty required fields in the server’s own words', () => {
    const f = emptyForm();
    f.dreams = [newDream()];
    expect(requiredProblems(f, 'create').map((p) => p.field)).toEqual([
      'citizen.name',
      'citizen.cpr',
      'team_id',
      'legal_basis',
      'target_group',
      'dreams[0].text',
    ]);
    expect(new Set(requiredProblems(f, 'create').map((p) => p.message))).toEqual(new Set(['is required']));
  });

  it('does not check the CPR number’s form: that is for the server to judge', () => {
    const f = filledNewForm();
    f.citizen.cpr = '310290-1234';
    expect(requiredProblems(f, 'create')).toEqual([]);
  });

  it('does not require a CPR number or team when editing', () => {
    const f = caseToForm(aCase());
    expect(requiredProblems(f, 'edit')).toEqual([]);
  });
});

describe('server field errors', () => {
  const form = caseToForm(aCase());
  const rendered = renderedPaths(form, 'edit');

  it('are placed at their field, list items included', () => {
    const p = placeErrors(
      [
        { field: 'citizen.cpr', message: 'is not a valid CPR number (DDMMYY-SSSS)' },
        { field: 'dreams[1].text', message: 'is required' },
      ],
      rendered,
    );
    expect(p.atField).toEqual({ 'citizen.cpr': 'is not a valid CPR number (DDMMYY-SSSS)', 'dreams[1].text': 'is required' });
  });

  it('are all listed in the summary, in the order of the page', () => {
    const p = placeErrors(
      [
        { field: 'expectations[0].summary', message: 'is required' },
        { field: 'citizen.name', message: 'is required' },
      ],
      rendered,
    );
    expect(p.summary.map((s) => s.field)).toEqual(['citizen.name', 'expectations[0].summary']);
  });

  it('for a field the form does not show go only to the summary, without a link', () => {
    const p = placeErrors(
      [
        { field: 'team_id', message: 'must be one of your teams' },
        { field: 'dreams[7].text', message: 'is required' },
        { field: 'dreams[0].id', message: 'is used twice' },
      ],
      rendered,
    );
    expect(p.atField).toEqual({});
    expect(p.summary).toEqual([
      { path: 'team_id', message: 'must be one of your teams' },
      { path: 'dreams[7].text', message: 'is required' },
      { path: 'dreams[0].id', message: 'is used twice' },
    ]);
  });

  it('about one ticked value belong to its checkbox group', () => {
    expect(fieldForPath('contact_agreement.media[2]')).toBe('contact_agreement.media');
    expect(fieldForPath('expectations[0].topics[1]')).toBe('expectations[0].topics');
    expect(fieldForPath('dreams[1].text')).toBe('dreams[1].text');
    const p = placeErrors([{ field: 'contact_agreement.media[0]', message: 'must be one of in_person, sms' }], rendered);
    expect(p.atField).toEqual({ 'contact_agreement.media': 'must be one of in_person, sms' });
  });

  it('for a whole list are shown at the list', () => {
    const p = placeErrors([{ field: 'dreams', message: 'at most 50' }], rendered);
    expect(p.atField).toEqual({ dreams: 'at most 50' });
  });

  it('stay with their row when a row above is removed', () => {
    const errors = { 'dreams[0].text': 'a', 'dreams[2].text': 'c', 'citizen.name': 'n', 'resources[2].type': 'r' };
    expect(errorsAfterRemove(errors, 'dreams', 1)).toEqual({ 'dreams[0].text': 'a', 'dreams[1].text': 'c', 'citizen.name': 'n', 'resources[2].type': 'r' });
    expect(errorsAfterRemove(errors, 'dreams', 0)).toEqual({ 'dreams[1].text': 'c', 'citizen.name': 'n', 'resources[2].type': 'r' });
  });

  it('that we know are recognised, so they can be shown in plain Danish', () => {
    expect(knownMessage('is not a valid CPR number (DDMMYY-SSSS)')).toEqual({ key: 'cpr' });
    expect(knownMessage('must be at most 200 characters')).toEqual({ key: 'maxChars', n: 200 });
    expect(knownMessage('something new')).toBeNull();
  });
});

describe('what someone else changed', () => {
  it('lists changed fields with the value before and now', () => {
    const base = aCase();
    const latest = aCase({ legal_basis: 'sel_107', next_follow_up_date: undefined, version: 4 });
    expect(conflictChanges(base, latest)).toEqual([
      {
        path: 'legal_basis',
        label: 'legalBasis',
        before: { kind: 'code', group: 'legalBasis', value: 'sel_85' },
        now: { kind: 'code', group: 'legalBasis', value: 'sel_107' },
        yours: false,
      },
      { path: 'next_follow_up_date', label: 'nextFollowUp', before: { kind: 'date', value: '2027-02-01' }, now: { kind: 'empty' }, yours: false },
    ]);
  });

  it('lists a longer list with its count and the added, removed and changed items', () => {
    const base = aCase();
    const latest = aCase({
      dreams: [
        { ...base.dreams[0]!, text: 'At arbejde i en dyrehandel' },
        { id: 'd3', text: 'At få en kæreste', kind: 'hope', expressed_by: 'citizen', recorded_at: '2026-03-01T10:00:00Z' },
        { id: 'd4', text: 'At rejse', kind: 'dream', expressed_by: 'citizen', recorded_at: '2026-03-01T10:00:00Z' },
      ],
    });
    const changes = conflictChanges(base, latest);
    expect(changes.map((c) => [c.path, c.before.kind, c.now.kind])).toEqual([
      ['dreams', 'count', 'count'],
      ['dreams/d1', 'parts', 'parts'],
      ['dreams/d2', 'parts', 'absent'],
      ['dreams/d3', 'absent', 'parts'],
      ['dreams/d4', 'absent', 'parts'],
    ]);
    expect(changes[0]).toMatchObject({ before: { value: 2 }, now: { value: 3 } });
  });

  it('marks the changes the user made too', () => {
    const base = aCase();
    const latest = aCase({ legal_basis: 'sel_107', target_group: 'autism' });
    const mineBase = caseToForm(base);
    const mine = structuredClone(mineBase);
    mine.legal_basis = 'other';
    const changes = conflictChanges(base, latest, mineBase, mine);
    expect(changes.map((c) => [c.path, c.yours])).toEqual([
      ['legal_basis', true],
      ['target_group', false],
    ]);
  });

  it('is empty when the versions differ in nothing the form shows', () => {
    expect(conflictChanges(aCase(), aCase({ version: 9, updated_at: '2027-01-01T00:00:00Z' }))).toEqual([]);
  });
});

describe('carrying the user’s edits over onto the latest version', () => {
  const base = aCase();
  const baseForm = caseToForm(base);

  it('keeps what the user changed and takes the server’s values everywhere else', () => {
    const mine = structuredClone(baseForm);
    mine.citizen.name = 'Karen Ø. Jensen';
    const theirs = caseToForm(aCase({ legal_basis: 'sel_107' }));
    const merged = rebase(baseForm, mine, theirs);
    expect(merged.citizen.name).toBe('Karen Ø. Jensen');
    expect(merged.legal_basis).toBe('sel_107');
  });

  it('keeps the user’s value where both changed the same field', () => {
    const mine = structuredClone(baseForm);
    mine.legal_basis = 'other';
    const merged = rebase(baseForm, mine, caseToForm(aCase({ legal_basis: 'sel_107' })));
    expect(merged.legal_basis).toBe('other');
  });

  it('merges lists item by item: both sides’ new items survive, and the user’s edits and removals win', () => {
    const mine = structuredClone(baseForm);
    mine.dreams[0]!.text = 'Mit nye ord';
    mine.dreams.push({ ...newDream(), text: 'Min nye drøm' });
    mine.resources = [];
    const theirs = caseToForm(
      aCase({
        dreams: [
          { ...base.dreams[0]!, text: 'Deres ord' },
          { ...base.dreams[1]!, kind: 'hope' },
          { id: 'd9', text: 'Deres nye drøm', kind: 'dream', expressed_by: 'citizen', recorded_at: '2026-03-01T10:00:00Z' },
        ],
      }),
    );
    const merged = rebase(baseForm, mine, theirs);
    expect(merged.dreams.map((d) => [d.id, d.text, d.kind])).toEqual([
      ['d1', 'Mit nye ord', 'dream'],
      ['d2', 'At se min søster oftere', 'hope'],
      ['d9', 'Deres nye drøm', 'dream'],
      ['', 'Min nye drøm', 'unspecified'],
    ]);
    expect(merged.resources).toEqual([]);
  });

  it('drops an item the server removed unless the user had changed it', () => {
    const mine = structuredClone(baseForm);
    mine.dreams[1]!.text = 'Ændret af mig';
    const theirs = caseToForm(aCase({ dreams: [] }));
    expect(rebase(baseForm, mine, theirs).dreams.map((d) => d.id)).toEqual(['d2']);
  });

  it('merges the contact agreement field by field', () => {
    const mine = structuredClone(baseForm);
    mine.contact_agreement.notes = 'Mine noter';
    const theirs = caseToForm(aCase({ contact_agreement: { ...base.contact_agreement, media: ['email'] } }));
    const merged = rebase(baseForm, mine, theirs);
    expect(merged.contact_agreement.notes).toBe('Mine noter');
    expect(merged.contact_agreement.media).toEqual(['email']);
  });

  it('keeps a newly typed CPR number', () => {
    const mine = structuredClone(baseForm);
    mine.citizen.cpr = '020290-1234';
    expect(rebase(baseForm, mine, caseToForm(aCase())).citizen.cpr).toBe('020290-1234');
  });

  it('then saves only the user’s changes against the latest version', () => {
    const mine = structuredClone(baseForm);
    mine.citizen.name = 'Karen Ø. Jensen';
    const theirs = caseToForm(aCase({ legal_basis: 'sel_107' }));
    expect(toUpdateRequest(theirs, rebase(baseForm, mine, theirs))).toEqual({ citizen: { name: 'Karen Ø. Jensen' } });
  });
});
