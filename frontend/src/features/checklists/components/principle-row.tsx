// One principle in the checklist: a fieldset named by the principle's title
// with its role in the phase, the reflection questions as help, the answers
// as one radio group (Tab in, arrow keys to choose, Tab on) and the note,
// which is required for "not applied" and "not relevant now".
import { ErrorMessage, TextArea, fieldId } from '@/components/fields';
import { formatDateTime } from '@/features/cases/components/list/format';
import { useI18n } from '@/lib/i18n';
import type { ChecklistItem } from '../api/list-checklists';
import { ANSWERS, NOTE_MAX, needsNote, rowPath, type Row } from '../checklist-model';
import { principleTitle } from '../titles';
import { ReflectionHelp } from './reflection-help';

const BADGE: Record<ChecklistItem['applicability'], string> = {
  core: 'badge badge-info',
  optional: 'badge badge-success',
  other: 'badge checklist-badge-other',
};

export function PrincipleRow(props: {
  item: ChecklistItem;
  row: Row;
  statusError?: string;
  noteError?: string;
  onChange: (patch: Partial<Row>) => void;
}) {
  const { t, lang } = useI18n();
  const { item, row } = props;
  const p = item.principle;
  const id = fieldId(rowPath(p.code));
  const title = principleTitle(p, lang);
  const required = needsNote(row.status);
  return (
    <fieldset
      className={`checklist-row${props.statusError || props.noteError ? ' checklist-row-error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={props.statusError ? `${id}-error` : undefined}
    >
      <legend className="checklist-legend">
        <span className="checklist-title">
          {p.number}. {title}
        </span>{' '}
        <span className={BADGE[item.applicability]}>{t(`checklists.applicability.${item.applicability}`)}</span>
      </legend>
      <ReflectionHelp principle={p} title={title} />
      {props.statusError && <ErrorMessage id={`${id}-error`} text={props.statusError} />}
      <div className="checklist-answers">
        {ANSWERS.map((s) => {
          const oid = `${id}-${s}`;
          return (
            <div key={s} className="form-group-radio">
              <input
                type="radio"
                id={oid}
                name={`status-${p.code}`}
                className="form-radio"
                value={s}
                checked={row.status === s}
                onChange={() => props.onChange({ status: s })}
              />
              <label htmlFor={oid}>{t(`checklists.status.${s}`)}</label>
            </div>
          );
        })}
      </div>
      <TextArea
        name={rowPath(p.code, 'note')}
        label={t('checklists.form.note')}
        hint={required ? t('checklists.form.noteHintRequired') : t('checklists.form.noteHint')}
        required={required}
        rows={2}
        maxLength={NOTE_MAX}
        value={row.note}
        error={props.noteError}
        onChange={(note) => props.onChange({ note })}
      />
      {item.updated_at && item.updated_by_name && (
        <p className="checklist-meta">
          {t('checklists.form.lastChanged', { date: formatDateTime(item.updated_at, lang), name: item.updated_by_name })}
        </p>
      )}
    </fieldset>
  );
}
