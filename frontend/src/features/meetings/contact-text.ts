// Actual contact against the contact agreement in plain words:
// "Aftalt: hver 14. dag. Seneste møde: 3. november. Næste møde burde have
// været 17. november." The tone tells the panel to warn when overdue.
import type { Lang, MessageKey, Vars } from '@/lib/i18n';
import { dayMonth } from '@/features/feedback/format';
import type { ContactStatus } from './api/get-contact';

type T = (key: MessageKey, vars?: Vars) => string;

export type ContactText = { tone: 'ok' | 'overdue' | 'none'; lines: string[] };

export function contactText(s: ContactStatus, t: T, lang: Lang, today: Date = new Date()): ContactText {
  const day = (d: string) => dayMonth(d, lang, today);
  const lines: string[] = [];
  lines.push(
    s.status === 'no_agreement' || !s.preferred_frequency
      ? t('meetings.contact.noAgreement')
      : t('meetings.contact.agreed', { frequency: t(`meetings.frequency.${s.preferred_frequency}`) }),
  );
  lines.push(s.last_held_on ? t('meetings.contact.lastMeeting', { date: day(s.last_held_on) }) : t('meetings.contact.noMeeting'));
  if (s.status === 'overdue' && s.next_expected_on) lines.push(t('meetings.contact.overdue', { date: day(s.next_expected_on) }));
  else if (s.status === 'on_track' && s.next_expected_on) lines.push(t('meetings.contact.nextDue', { date: day(s.next_expected_on) }));
  if (s.status === 'overdue' && !s.last_held_on) {
    const from = t(s.counted_from === 'agreement' ? 'meetings.contact.fromAgreement' : 'meetings.contact.fromOpened');
    lines.push(s.days_since === 1 ? t('meetings.contact.sinceOne', { from }) : t('meetings.contact.since', { days: s.days_since, from }));
  }
  if (s.forms_outside_agreement.length) {
    const forms = s.forms_outside_agreement.map((f) => t(`meetings.form.${f}`));
    lines.push(t('meetings.contact.outside', { forms: new Intl.ListFormat(lang === 'da' ? 'da-DK' : 'en-GB', { type: 'conjunction' }).format(forms) }));
  }
  const held = s.held_by_form.filter((h) => h.held > 0);
  if (held.length) lines.push(`${t('meetings.contact.heldByForm')}: ${held.map((h) => `${t(`meetings.form.${h.form}`)} ${h.held}`).join(', ')}.`);
  return { tone: s.status === 'overdue' ? 'overdue' : s.status === 'on_track' ? 'ok' : 'none', lines };
}
