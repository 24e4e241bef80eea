// Plain words for the citizen's plan: the contact agreement's codes become
// the same everyday labels the case page uses, grouped under a plain heading;
// "other" (which says nothing on its own) is left out. Dates in long form.
import type { Lang, MessageKey, Vars } from '@/lib/i18n';
import type { PlanContact, PlanGoal } from '../../api/plan';

type T = (key: MessageKey, vars?: Vars) => string;

export type ContactLine = { key: 'formats' | 'places' | 'times' | 'media' | 'frequency'; heading: string; items: string[] };

/** The contact agreement as headed lists of plain words; empty lists are left out. */
export function contactLines(c: PlanContact, t: T): ContactLine[] {
  const times = c.times_of_day.map((x) =>
    x === 'no_preference' ? t('goals.plan.contact.noPreference') : t(`cases.labels.timeOfDay.${x}`),
  );
  const notes = c.time_notes?.trim();
  if (notes) times.push(notes);
  const lines: ContactLine[] = [
    {
      key: 'formats',
      heading: t('goals.plan.contact.formats'),
      items: c.meeting_formats.filter((x) => x !== 'other').map((x) => t(`cases.labels.meetingFormat.${x}`)),
    },
    {
      key: 'places',
      heading: t('goals.plan.contact.places'),
      items: c.meeting_places.filter((x) => x !== 'other').map((x) => t(`cases.labels.meetingPlace.${x}`)),
    },
    { key: 'times', heading: t('goals.plan.contact.times'), items: times },
    { key: 'media', heading: t('goals.plan.contact.media'), items: c.media.map((x) => t(`cases.labels.medium.${x}`)) },
    {
      key: 'frequency',
      heading: t('goals.plan.contact.frequency'),
      items: c.preferred_frequency ? [t(`cases.labels.frequency.${c.preferred_frequency}`)] : [],
    },
  ];
  return lines.filter((l) => l.items.length > 0);
}

/** Who does what on a goal, addressed to the citizen ("Dig", "Din rådgiver, Ane Holm"). */
export function participantName(p: PlanGoal['participants'][number], caseworkerName: string, t: T): string {
  switch (p.kind) {
    case 'citizen':
      return t('goals.plan.who.citizen');
    case 'caseworker':
      return caseworkerName ? t('goals.plan.who.caseworkerNamed', { name: caseworkerName }) : t('goals.plan.who.caseworker');
    case 'provider':
      return p.name?.trim() || t('goals.plan.who.provider');
    case 'network':
      return p.name?.trim() || t('goals.plan.who.network');
  }
}

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** "2027-02-24" → "onsdag den 24. februar 2027" (da) / "Wednesday, 24 February 2027" (en). */
export function longDate(value: string | undefined, lang: Lang, weekday = true): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(LOCALE[lang], {
    ...(weekday ? { weekday: 'long' as const } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}
