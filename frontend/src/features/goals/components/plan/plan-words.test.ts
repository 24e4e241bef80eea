import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '@/lib/i18n';
import { contactLines, longDate, participantName } from './plan-words';

const da = (key: MessageKey, vars?: Vars) => translate('da', key, vars);
const en = (key: MessageKey, vars?: Vars) => translate('en', key, vars);

describe('contactLines', () => {
  it('turns the contact agreement codes into plain words under plain headings', () => {
    const lines = contactLines(
      {
        meeting_formats: ['walk_and_talk', 'home_visit', 'other'],
        meeting_places: ['cafe_public_place', 'other'],
        times_of_day: ['morning', 'no_preference'],
        time_notes: ' Ikke om tirsdagen ',
        media: ['sms', 'letter_digital_post'],
        preferred_frequency: 'every_2_weeks',
      },
      da,
    );
    expect(lines).toEqual([
      { key: 'formats', heading: 'Sådan mødes vi', items: ['Gå-tur-samtale', 'Hjemmebesøg'] },
      { key: 'places', heading: 'Her mødes vi', items: ['Café eller andet offentligt sted'] },
      { key: 'times', heading: 'Det passer bedst', items: ['Morgen', 'Tidspunktet er ikke så vigtigt', 'Ikke om tirsdagen'] },
      { key: 'media', heading: 'Sådan kontakter vi hinanden', items: ['Sms', 'Brev eller Digital Post'] },
      { key: 'frequency', heading: 'Så tit', items: ['Hver anden uge'] },
    ]);
    // No code is left untranslated.
    for (const l of lines) for (const i of l.items) expect(i).not.toMatch(/^[a-z]+(_[a-z]+)+$/);
  });

  it('leaves out what was not agreed, including a bare "other"', () => {
    expect(contactLines({ meeting_formats: ['other'], meeting_places: [], times_of_day: [], media: [] }, da)).toEqual([]);
  });

  it('speaks English too', () => {
    const lines = contactLines({ meeting_formats: ['walk_and_talk'], meeting_places: [], times_of_day: [], media: ['phone_call'] }, en);
    expect(lines.map((l) => [l.heading, l.items])).toEqual([
      ['How we meet', ['Walk and talk']],
      ['How we contact each other', ['Phone call']],
    ]);
  });
});

describe('participantName', () => {
  it('addresses the citizen and names the helpers', () => {
    expect(participantName({ kind: 'citizen' }, 'Ane Holm', da)).toBe('Dig');
    expect(participantName({ kind: 'caseworker' }, 'Ane Holm', da)).toBe('Din rådgiver, Ane Holm');
    expect(participantName({ kind: 'provider', name: 'Bostøtten Nord' }, 'Ane Holm', da)).toBe('Bostøtten Nord');
    expect(participantName({ kind: 'network' }, 'Ane Holm', da)).toBe('En fra dit netværk');
  });
});

describe('longDate', () => {
  it('writes the date in long Danish form', () => {
    expect(longDate('2027-02-24', 'da')).toBe('onsdag den 24. februar 2027');
    expect(longDate('2027-06-30', 'da', false)).toBe('30. juni 2027');
    expect(longDate(undefined, 'da')).toBe('');
  });
});
