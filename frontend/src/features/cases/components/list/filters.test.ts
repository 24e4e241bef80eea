import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersFromParams, filtersToParams, hasFilters, toListParams, type CaseFilters } from './filters';

const CW = '04b9958e-d946-4576-92b1-8e10e97d25fd';

describe('case list filters ⇄ URL', () => {
  it('reads every filter from the URL', () => {
    const f = filtersFromParams(
      new URLSearchParams(`phase=afgoerelse&status=open&caseworker_id=${CW}&follow_up_overdue=true&q=Karen&sort=name`),
    );
    expect(f).toEqual({ phase: 'afgoerelse', status: 'open', caseworkerId: CW, overdue: true, q: 'Karen', sort: 'name' });
  });

  it('falls back to the defaults for an empty URL', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual(EMPTY_FILTERS);
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('drops values the API would refuse instead of sending them', () => {
    const f = filtersFromParams(
      new URLSearchParams('phase=nope&status=deleted&caseworker_id=123&follow_up_overdue=yes&q=K&sort=age&limit=9999'),
    );
    expect(f).toEqual(EMPTY_FILTERS);
  });

  it('writes only what differs from the defaults, in a stable order', () => {
    const f: CaseFilters = { ...EMPTY_FILTERS, q: '  Karen Ø ', overdue: true, phase: 'bestilling' };
    expect(filtersToParams(f).toString()).toBe('phase=bestilling&follow_up_overdue=true&q=Karen+%C3%98');
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
  });

  it('round-trips through the URL', () => {
    const f: CaseFilters = { phase: 'opfoelgning', status: 'closed', caseworkerId: CW, overdue: true, q: 'Østergaard', sort: '-next_follow_up' };
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
  });

  it('leaves a one-letter name search out of the URL', () => {
    expect(filtersToParams({ ...EMPTY_FILTERS, q: 'K' }).has('q')).toBe(false);
  });

  it('builds the GET /cases query with page size and cursor', () => {
    expect(toListParams({ ...EMPTY_FILTERS, overdue: true, caseworkerId: CW }, 'abc')).toEqual({
      sort: '-updated_at',
      limit: 50,
      follow_up_overdue: true,
      caseworker_id: CW,
      cursor: 'abc',
    });
    expect(toListParams(EMPTY_FILTERS)).toEqual({ sort: '-updated_at', limit: 50 });
  });
});
