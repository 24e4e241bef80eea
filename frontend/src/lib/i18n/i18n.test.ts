import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { translate } from './index';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o === 'string') return [prefix];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('has the same keys in Danish and English', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.da).sort());
  });

  it('has no empty Danish or English text', () => {
    for (const lang of ['da', 'en'] as const) {
      const empty = keys(messages[lang]).filter((k) => {
        let n: unknown = messages[lang];
        for (const p of k.split('.')) n = (n as Record<string, unknown>)[p];
        return n === '';
      });
      expect(empty, `${lang} has empty texts`).toEqual([]);
    }
  });

  it('fills placeholders', () => {
    expect(translate('da', 'common.nav.loggedInAs', { name: 'Ane Holm' })).toBe('Logget ind som Ane Holm');
    expect(translate('en', 'common.nav.loggedInAs', { name: 'Ane Holm' })).toBe('Logged in as Ane Holm');
  });

  it('speaks Danish by default for the official phase names', () => {
    expect(translate('da', 'cases.labels.phase.afgoerelse')).toBe('Afgørelse');
  });
});
