// "Principper i fasen" inside the case's phase section: the checklist of the
// phase the case is in (created by the server on first view) and, below it,
// the earlier checklists, read-only.
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import type { Case } from '@/features/cases/api/get-case';
import { useI18n } from '@/lib/i18n';
import { currentOf, useChecklists } from '../api/list-checklists';
import { ChecklistForm } from './checklist-form';
import { ChecklistHistory } from './checklist-history';
import { CHECKLIST_HEADING_ID } from './ids';
import './checklists.css';

export function ChecklistPanel({ c }: { c: Case }) {
  const { t } = useI18n();
  const list = useChecklists(c.id);
  const current = currentOf(list.data);
  const earlier = list.data?.items.filter((x) => !x.current) ?? [];
  return (
    <div className="checklist-panel">
      <h3 id={CHECKLIST_HEADING_ID} tabIndex={-1} className="checklist-heading">
        {t('checklists.section.heading')}
      </h3>
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : (
        <>
          {c.status === 'closed' ? (
            <p>{t('checklists.section.closed')}</p>
          ) : current ? (
            <>
              <p>{t('checklists.section.intro', { phase: t(`cases.labels.phase.${current.phase}`) })}</p>
              <ChecklistForm key={current.id} checklist={current} />
            </>
          ) : (
            <p>{t('checklists.section.none')}</p>
          )}
          <ChecklistHistory items={earlier} />
        </>
      )}
    </div>
  );
}
