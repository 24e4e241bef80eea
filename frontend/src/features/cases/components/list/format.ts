// Dates in the reader's language. Date-only values ("2027-04-04") are calendar
// dates: they are shown as such, never shifted by a time zone.
import type { Lang } from '@/lib/i18n';

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });
    dateFormats.set(key, f);
  }
  return f;
}

/** "2027-04-04" → "4. april 2027" (da) / "4 April 2027" (en). */
export function formatDate(value: string | undefined, lang: Lang): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt(lang, false).format(d);
}

/** An instant ("2026-11-24T03:34:44Z") as date and local time. */
export function formatDateTime(value: string | undefined, lang: Lang): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt(lang, true).format(d);
}

/** The date part of an instant, in local time. */
export function formatDay(value: string | undefined, lang: Lang): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt(lang, false).format(d);
}
