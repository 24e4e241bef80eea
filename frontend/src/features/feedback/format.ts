// Numbers as the reader writes them: Danish decimal commas ("17,6"), a real
// minus sign for negative changes, and dates as "3. november".
import type { Lang } from '@/lib/i18n';

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false });
    formats.set(key, f);
  }
  return f;
}

/** A score with one decimal: 17.6 → "17,6" (da) / "17.6" (en); 20 → "20,0". */
export function formatScore(n: number, lang: Lang): string {
  return nf(lang, 1, 1).format(n);
}

/** A threshold or mean with at most one decimal: 25 → "25", 35.25 → "35,3". */
export function formatNumber(n: number, lang: Lang): string {
  return nf(lang, 0, 1).format(n);
}

/** A change with its sign and one decimal: "+6,5", "−5,2" (minus sign), "0,0". */
export function signedScore(n: number, lang: Lang): string {
  const abs = formatScore(Math.abs(n), lang);
  if (Math.round(n * 10) > 0) return `+${abs}`;
  if (Math.round(n * 10) < 0) return `\u2212${abs}`;
  return abs;
}

/** A share (0..1) as a whole percentage: "58 %" (da) / "58%" (en). */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * A calendar day as "3. november" (da) / "3 November" (en), with the year
 * only when it is not this year. Takes "YYYY-MM-DD" (a calendar date, never
 * shifted) or an instant (its local date).
 */
export function dayMonth(value: string, lang: Lang, today: Date = new Date()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const withYear = d.getFullYear() !== today.getFullYear();
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(d);
}

/** An instant as a short date for chart axes: "3. nov." / "3 Nov". */
export function shortDay(value: string, lang: Lang, withYear: boolean): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(d);
}
