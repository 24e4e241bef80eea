// A principle's title in the reader's language (the Danish one is the
// official wording).
import type { Lang } from '@/lib/i18n';

export function principleTitle(p: { title_da: string; title_en: string }, lang: Lang): string {
  return lang === 'da' ? p.title_da : p.title_en;
}
