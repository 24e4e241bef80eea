import { forwardRef, useId } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { formatDate } from './format';
import { OverdueBadge } from './overdue-badge';

type Props = { items: Schemas['CaseSummary'][]; caption: string };

/**
 * The cases as a DKFDS table. The wrapper scrolls sideways when the table is
 * wider than the screen (e.g. at 200 % zoom); it is focusable so keyboard
 * users can scroll it, and named by the caption. Callers may focus it.
 */
export const CaseTable = forwardRef<HTMLDivElement, Props>(function CaseTable({ items, caption }, ref) {
  const { t, lang } = useI18n();
  const captionId = useId();
  return (
    <div ref={ref} className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table table--zebra">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.list.table.citizen')}</th>
            <th scope="col">{t('cases.list.table.cpr')}</th>
            <th scope="col">{t('cases.list.table.phase')}</th>
            <th scope="col">{t('cases.list.table.status')}</th>
            <th scope="col">{t('cases.list.table.caseworker')}</th>
            <th scope="col">{t('cases.list.table.nextFollowUp')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/sager/${c.id}`}>{c.citizen.name}</Link>
              </td>
              <td>{c.citizen.cpr}</td>
              <td>
                {t(`cases.labels.phase.${c.phase}`)}
                {c.phase_iteration > 1 && (
                  <>
                    <br />
                    <span className="weight-normal">{t('cases.list.table.iteration', { n: c.phase_iteration })}</span>
                  </>
                )}
              </td>
              <td>{t(`cases.labels.status.${c.status}`)}</td>
              <td>{c.caseworker.name}</td>
              <td>
                {c.next_follow_up_date ? formatDate(c.next_follow_up_date, lang) : t('cases.list.table.noDate')}
                {c.follow_up_overdue && (
                  <>
                    <br />
                    <OverdueBadge />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
