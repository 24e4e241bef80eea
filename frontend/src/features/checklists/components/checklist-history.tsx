// Earlier checklists of the case (newest first), read-only: phase, pass,
// state and how many relevant principles were answered; "Vis svar" unfolds
// the answers and notes of one checklist under its row.
import { Fragment, useState } from 'react';
import { formatDateTime } from '@/features/cases/components/list/format';
import { useI18n } from '@/lib/i18n';
import type { Checklist } from '../api/list-checklists';
import { principleTitle } from '../titles';

export function ChecklistHistory({ items }: { items: Checklist[] }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const pass = (c: Checklist) =>
    c.phase === 'opfoelgning'
      ? t('checklists.history.passRound', { n: c.iteration, round: c.round })
      : t('checklists.history.passValue', { n: c.iteration });
  return (
    <>
      <h4 className="mt-6">{t('checklists.history.heading')}</h4>
      {items.length === 0 ? (
        <p>{t('checklists.history.empty')}</p>
      ) : (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="checklist-history-caption">
          <table className="table table--compact">
            <caption id="checklist-history-caption" className="align-text-left">{t('checklists.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('checklists.history.phase')}</th>
                <th scope="col">{t('checklists.history.pass')}</th>
                <th scope="col">{t('checklists.history.state')}</th>
                <th scope="col">{t('checklists.history.completion')}</th>
                <th scope="col">{t('checklists.history.updated')}</th>
                <th scope="col">{t('checklists.history.answers')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const shown = open === c.id;
                const rowId = `checklist-answers-${c.id}`;
                const phase = t(`cases.labels.phase.${c.phase}`);
                return (
                  <Fragment key={c.id}>
                    <tr>
                      <th scope="row">{phase}</th>
                      <td>{pass(c)}</td>
                      <td>{t(`checklists.state.${c.state}`)}</td>
                      <td>{t('checklists.history.completionValue', { answered: c.completion.answered, relevant: c.completion.relevant })}</td>
                      <td>{formatDateTime(c.updated_at, lang)}</td>
                      <td>
                        <button
                          type="button"
                          className="function-link checklist-toggle"
                          aria-expanded={shown}
                          aria-controls={rowId}
                          onClick={() => setOpen(shown ? null : c.id)}
                        >
                          {shown ? t('checklists.history.hide') : t('checklists.history.show')}
                          <span className="sr-only">
                            : {phase}, {pass(c)}
                          </span>
                        </button>
                      </td>
                    </tr>
                    <tr id={rowId} hidden={!shown}>
                      <td colSpan={6}>
                        {shown && (
                          <ul className="nobullet-list checklist-answer-list" aria-label={t('checklists.history.answersOf', { phase, pass: pass(c) })}>
                            {c.items
                              .filter((i) => i.applicability !== 'other' || i.status !== 'open')
                              .map((i) => (
                                <li key={i.principle.code}>
                                  <strong>
                                    {i.principle.number}. {principleTitle(i.principle, lang)}
                                  </strong>{' '}
                                  ({t(`checklists.applicability.${i.applicability}`)}): {t(`checklists.status.${i.status}`)}
                                  {i.note && <span className="checklist-note"> – {i.note}</span>}
                                </li>
                              ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
