import { describe, expect, it } from 'vitest';
import {
  blankQuestions,
  blankScale,
  currentPart,
  failureOf,
  formatMeetingDate,
  orderedParts,
  placeServerErrors,
  scaleItems,
  scaleTotal,
  tenthsToScore,
  topicFieldIndex,
  topicsToSend,
  validateQuestions,
  validateScale,
  validateTopics,
  type Outcome,
  type Part,
} from './feedback-model';

describe('parts', () => {
  const view = {
    parts: [
      { part: 'questions', done: false },
      { part: 'srs', done: false },
      { part: 'topics', done: true },
      { part: 'ors', done: false },
    ],
  } as const;

  it('orders the parts as the meeting goes, whatever order the link names them in', () => {
    expect(orderedParts({ parts: [...view.parts] }).map((p) => p.part)).toEqual(['ors', 'topics', 'srs', 'questions']);
  });

  it('counts parts answered on this visit as done, and offers the first one still open', () => {
    const parts = orderedParts({ parts: [...view.parts] }, new Map<Part, Outcome>([['ors', 'sent']]));
    expect(parts.filter((p) => p.done).map((p) => p.part)).toEqual(['ors', 'topics']);
    expect(parts[0]).toEqual({ part: 'ors', done: true, outcome: 'sent' });
    expect(parts[1]).toEqual({ part: 'topics', done: true });
    expect(currentPart(parts)).toBe('srs');
    expect(currentPart(orderedParts({ parts: [...view.parts] }, new Map<Part, Outcome>([['ors', 'sent'], ['srs', 'already'], ['questions', 'refused']])))).toBeNull();
  });
});

describe('scales', () => {
  it('needs all four marks, as the server does', () => {
    const form = { ...blankScale('ors'), individually: 64, overall: 0 };
    expect(validateScale('ors', form)).toEqual([
      { field: 'items.interpersonally', code: 'required' },
      { field: 'items.socially', code: 'required' },
    ]);
    expect(validateScale('ors', { individually: 64, interpersonally: 51, socially: 40, overall: 100 })).toEqual([]);
    expect(validateScale('srs', { relationship: 101, goals_and_topics: 5, approach_or_method: -1, overall: 2.5 })).toEqual([
      { field: 'items.relationship', code: 'outOfRange' },
      { field: 'items.approach_or_method', code: 'outOfRange' },
      { field: 'items.overall', code: 'outOfRange' },
    ]);
  });

  it('sends the marks as numbers with one decimal', () => {
    expect(tenthsToScore(64)).toBe(6.4);
    expect(tenthsToScore(3)).toBe(0.3);
    expect(JSON.stringify(scaleItems('srs', { relationship: 92, goals_and_topics: 87, approach_or_method: 90, overall: 91 }))).toBe(
      '{"relationship":9.2,"goals_and_topics":8.7,"approach_or_method":9,"overall":9.1}',
    );
    expect(scaleTotal({ a: 64, b: 51, c: 40, d: 55 })).toBe(210);
  });
});

describe('questions', () => {
  it('needs the two choices; the text is optional and at most 1000 characters', () => {
    expect(validateQuestions(blankQuestions())).toEqual([
      { field: 'meeting_ok', code: 'required' },
      { field: 'talked_about', code: 'required' },
    ]);
    expect(validateQuestions({ meeting_ok: 'yes', talked_about: 'partly', different_next_time: '' })).toEqual([]);
    expect(validateQuestions({ meeting_ok: 'no', talked_about: 'no', different_next_time: 'æ'.repeat(1001) })).toEqual([
      { field: 'different_next_time', code: 'tooLong', n: 1000 },
    ]);
  });
});

describe('topics', () => {
  it('sends the typed topics trimmed, without empty fields', () => {
    expect(topicsToSend(['  Bolig ', '', 'Arbejde'])).toEqual(['Bolig', 'Arbejde']);
  });

  it('needs at least one topic, each at most 300 characters', () => {
    expect(validateTopics(['', '  '])).toEqual([{ field: 'topics[0]', code: 'atLeastOne' }]);
    expect(validateTopics(['Bolig', 'x'.repeat(301)])).toEqual([{ field: 'topics[1]', code: 'tooLong', n: 300 }]);
    expect(validateTopics(['Bolig'])).toEqual([]);
  });

  it('maps the index of a topic sent back to the field it was typed in', () => {
    expect(topicFieldIndex(['', 'Bolig', '', 'Arbejde'], 1)).toBe(3);
    expect(topicFieldIndex(['', 'Bolig'], 0)).toBe(1);
  });
});

describe("the server's answers", () => {
  it('places 422 field errors at our fields, in our words', () => {
    expect(
      placeServerErrors([
        { field: 'items.overall', message: 'is required' },
        { field: 'items.socially', message: 'must have at most one decimal (a mark read to the millimetre)' },
        { field: 'meeting_ok', message: 'must be one of yes, partly, no' },
        { field: 'submission_id', message: 'is required: a UUID the device makes once per form' },
      ]),
    ).toEqual([
      { field: 'items.overall', code: 'required' },
      { field: 'items.socially', code: 'outOfRange' },
      { field: 'meeting_ok', code: 'required' },
      { field: '', code: 'other', raw: 'is required: a UUID the device makes once per form' },
    ]);
    expect(placeServerErrors([{ field: 'topics[1]', message: 'must be 1 to 300 characters' }], ['', 'Bolig', '', 'Arbejde'])).toEqual([
      { field: 'topics[3]', code: 'tooLong', n: 300 },
    ]);
    expect(placeServerErrors([{ field: 'topics', message: 'must hold 1 to 5 topics' }])).toEqual([{ field: 'topics[0]', code: 'atLeastOne' }]);
  });

  it('tells what a failed submission means', () => {
    expect(failureOf(0)).toEqual({ kind: 'network' });
    expect(failureOf(404)).toEqual({ kind: 'gone' });
    expect(failureOf(409, { type: 'https://bic.example/problems/already-answered' })).toEqual({ kind: 'already' });
    expect(failureOf(409, { type: 'https://bic.example/problems/conflict' })).toEqual({ kind: 'refused' });
    expect(failureOf(409)).toEqual({ kind: 'refused' });
    expect(failureOf(429)).toEqual({ kind: 'rateLimited' });
    expect(failureOf(500, { instance: 'urn:request:abc' })).toEqual({ kind: 'server', id: 'abc' });
    expect(failureOf(422, { errors: [{ field: 'items.overall', message: 'is required' }] })).toEqual({
      kind: 'invalid',
      problems: [{ field: 'items.overall', code: 'required' }],
    });
    expect(failureOf(422, {})).toEqual({ kind: 'invalid', problems: [{ field: '', code: 'other' }] });
  });
});

describe('meeting date', () => {
  it('is a calendar date in the reader’s language', () => {
    expect(formatMeetingDate('2026-11-24', 'da')).toBe('24. november 2026');
    expect(formatMeetingDate('2026-11-24', 'en')).toBe('24 November 2026');
  });
});
