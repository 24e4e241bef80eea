import { StaleAlert } from '@/components/stale-alert';
import { useT } from '@/lib/i18n';

/** After a 412 on a checklist: the rows keep what was typed. */
export function StaleChecklist({ reloading, onReload }: { reloading: boolean; onReload: () => void }) {
  const t = useT();
  const texts = {
    heading: t('checklists.form.staleHeading'),
    body: t('checklists.form.staleText'),
    reload: t('checklists.form.reload'),
    reloading: t('checklists.form.reloading'),
  };
  return <StaleAlert texts={texts} reloading={reloading} onReload={onReload} />;
}
