import type { ReactNode } from 'react';
import type { Lang } from '@/lib/i18n';

export type Fact = { label: string; value: ReactNode };

const isEmpty = (v: ReactNode) => v === undefined || v === null || v === false || v === '';

/** Label–value pairs as a description list; empty values are left out. */
export function Facts({ items }: { items: Fact[] }) {
  const shown = items.filter((i) => !isEmpty(i.value));
  if (!shown.length) return null;
  return (
    <dl>
      {shown.map((i) => (
        <div key={i.label} className="mb-3">
          <dt className="weight-semibold">{i.label}</dt>
          <dd className="ml-0">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** ["A", "B", "C"] → "A, B og C" (da) / "A, B and C" (en). */
export function joinList(items: string[], lang: Lang): string {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}
