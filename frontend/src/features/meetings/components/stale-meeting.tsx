import { StaleAlert } from '@/components/stale-alert';
import { useT } from '@/lib/i18n';

/** After a 412 on a meeting: the form keeps what was typed. */
export function StaleMeeting({ reloading, onReload }: { reloading: boolean; onReload: () => void }) {
  const t = useT();
  const texts = {
    heading: t('meetings.stale.heading'),
    body: t('meetings.stale.body'),
    reload: t('meetings.stale.reload'),
    reloading: t('meetings.stale.reloading'),
  };
  return <StaleAlert texts={texts} reloading={reloading} onReload={onReload} />;
}
