import type { Goal } from '@/features/goals/api/list-goals';
import { useT } from '@/lib/i18n';

const VARIANT: Record<Goal['status'], string> = {
  draft: '',
  active: ' badge-info',
  adjusted: ' badge-info',
  achieved: ' badge-success',
  discontinued: ' badge-warning',
};

/** The goal's status as a text badge (the word carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: Goal['status'] }) {
  const t = useT();
  return <strong className={`badge${VARIANT[status]}`}>{t(`goals.status.${status}`)}</strong>;
}
