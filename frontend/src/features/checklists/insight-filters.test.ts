import { describe, expect, it } from 'vitest';
import { insightSearch, isDate, readCaseParams, readInsightParams, validatePeriod } from './insight-filters';

const TEAM = '99a44380-7970-411f-848f-2be7eaf8a25e';
const sp = (q: string) => new URLSearchParams(q);

describe('the overview’s filters in the URL', () => {
  it('read period and team, dropping what the API would refuse', () => {
    expect(readInsightParams(sp(`from=2026-09-01&to=2026-11-30&team_id=${TEAM}`), [TEAM])).toEqual({
      from: '2026-09-01',
      to: '2026-11-30',
      team_id: TEAM,
    });
    expect(readInsightParams(sp('from=2026-02-30&to=soon&team_id=someone-else'), [TEAM])).toEqual({});
    expect(readInsightParams(sp('from=2026-11-30&to=2026-09-01'), [TEAM])).toEqual({ from: '2026-11-30' });
  });

  it('write back the API’s names, leaving empty values out', () => {
    expect(insightSearch({ from: '2026-09-01', to: '', team_id: TEAM, status: 'not_applied' })).toBe(
      `from=2026-09-01&team_id=${TEAM}&status=not_applied`,
    );
    expect(insightSearch({})).toBe('');
  });

  it('read the drill-down’s answer filter', () => {
    expect(readCaseParams('P3_NETWORK', 'sagsoplysning', sp('status=partly_applied&to=2026-11-30'), [TEAM])).toEqual({
      principle: 'P3_NETWORK',
      phase: 'sagsoplysning',
      to: '2026-11-30',
      status: 'partly_applied',
    });
    expect(readCaseParams('P3_NETWORK', 'sagsoplysning', sp('status=maybe'), [TEAM])).toEqual({ principle: 'P3_NETWORK', phase: 'sagsoplysning' });
  });

  it('check a typed period: real dates, the end not before the start', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(validatePeriod('2026-11-30', '2026-09-01')).toEqual([{ field: 'to', problem: 'order' }]);
    expect(validatePeriod('2026-13-01', '')).toEqual([{ field: 'from', problem: 'date' }]);
    expect(validatePeriod('', '')).toEqual([]);
  });
});
