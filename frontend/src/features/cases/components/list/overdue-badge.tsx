import { useT } from '@/lib/i18n';

/** Overdue follow-up, said in words (not by colour alone). */
export function OverdueBadge() {
  const t = useT();
  return <strong className="badge badge-error">{t('cases.list.table.overdue')}</strong>;
}
