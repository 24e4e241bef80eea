import { describe, expect, it } from 'vitest';
import { looksLikeCpr, normaliseCpr } from './cpr';
import { formatDate, formatDateTime } from './format';

describe('dates in the reader’s language', () => {
  it('formats calendar dates in Danish and English', () => {
    expect(formatDate('2027-04-04', 'da')).toBe('4. april 2027');
    expect(formatDate('2027-04-04', 'en')).toBe('4 April 2027');
  });

  it('never shifts a calendar date by the time zone', () => {
    expect(formatDate('2027-01-01', 'da')).toBe('1. januar 2027');
  });

  it('shows date and time for instants', () => {
    const s = formatDateTime('2026-11-24T10:05:00Z', 'da');
    expect(s).toMatch(/2026/);
    expect(s).toMatch(/november/);
  });

  it('leaves empty or unreadable values alone', () => {
    expect(formatDate(undefined, 'da')).toBe('');
    expect(formatDate('not a date', 'da')).toBe('not a date');
  });
});

describe('CPR input', () => {
  it('accepts DDMMYY-SSSS and ten digits, with stray spaces', () => {
    expect(looksLikeCpr('010190-1234')).toBe(true);
    expect(looksLikeCpr('0101901234')).toBe(true);
    expect(looksLikeCpr(' 010190 1234 ')).toBe(true);
    expect(normaliseCpr(' 010190 1234 ')).toBe('0101901234');
  });

  it('refuses anything else', () => {
    expect(looksLikeCpr('010190')).toBe(false);
    expect(looksLikeCpr('010190-12345')).toBe(false);
    expect(looksLikeCpr('Karen')).toBe(false);
  });
});
