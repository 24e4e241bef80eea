import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n';
import { HINT_FIELD, fieldMessage, fieldOf, hintText, ordered, unmetNames, type Criterion, type HintCode } from './smart';

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('da', key, vars);

describe('hint codes in plain Danish', () => {
  it('has a Danish text for every hint code the API can send', () => {
    for (const code of Object.keys(HINT_FIELD) as HintCode[]) {
      const text = hintText(da, { key: 'specific', met: false, hint_code: code, hint: 'server text' });
      expect(text, code).not.toBe('server text');
      expect(text, code).not.toContain('goals.hints');
      expect(text.length, code).toBeGreaterThan(10);
    }
  });

  it('translates the known codes', () => {
    expect(hintText(da, { key: 'time_bound', met: false, hint_code: 'date_passed', hint: 'The target date has passed.' })).toBe(
      'Datoen er passeret. Vælg en ny dato.',
    );
    expect(hintText(da, { key: 'relevant', met: false, hint_code: 'missing_dream' })).toBe('Vælg det håb, ønske eller den drøm, målet hører til.');
  });

  it("falls back to the server's hint for a code it does not know, and says nothing for a met criterion", () => {
    const unknown = { key: 'measurable', met: false, hint_code: 'brand_new', hint: 'Server says so.' } as unknown as Criterion;
    expect(hintText(da, unknown)).toBe('Server says so.');
    expect(hintText(da, { key: 'measurable', met: false })).toBe('');
    expect(hintText(da, { key: 'measurable', met: true })).toBe('');
  });

  it('points each hint to the field that fixes it', () => {
    expect(fieldOf({ key: 'measurable', met: false, hint_code: 'missing_target' })).toBe('measurable_target');
    expect(fieldOf({ key: 'relevant', met: false, hint_code: 'missing_dream' })).toBe('dream_id');
    expect(fieldOf({ key: 'achievable', met: false })).toBe('achievable_steps');
  });

  it('orders criteria S-M-A-R-T and names the unmet ones', () => {
    const cs: Criterion[] = [
      { key: 'time_bound', met: false, hint_code: 'missing_date' },
      { key: 'specific', met: true },
      { key: 'measurable', met: false, hint_code: 'missing_indicator' },
      { key: 'relevant', met: true },
      { key: 'achievable', met: true },
    ];
    expect(ordered(cs).map((c) => c.key)).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'time_bound']);
    expect(unmetNames(da, cs)).toEqual(['Målbart', 'Tidsbestemt']);
  });
});

describe('server field messages', () => {
  it('recognises the SMART hints of a refused activation through the check', () => {
    const criteria: Criterion[] = [
      { key: 'time_bound', met: false, hint_code: 'missing_date', hint: 'Choose a date by which the goal should be reached.' },
    ];
    expect(fieldMessage(da, 'Choose a date by which the goal should be reached.', criteria)).toBe('Vælg en dato, hvor målet skal være nået.');
  });

  it('translates the generic messages it knows and keeps the rest', () => {
    expect(fieldMessage(da, 'is required')).toBe('Skal udfyldes.');
    expect(fieldMessage(da, 'must be at most 300 characters')).toBe('Teksten må højst være 300 tegn.');
    expect(fieldMessage(da, 'must not be in the future')).toBe('Datoen må ikke ligge i fremtiden.');
    expect(fieldMessage(da, "must not be after the main goal's target date (2027-01-31)")).toBe('Datoen må ikke ligge efter hovedmålets dato.');
    expect(fieldMessage(da, 'something new')).toBe('something new');
  });
});
