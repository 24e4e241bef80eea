// A DKFDS radio group: a fieldset named by its legend, with hint and error
// message, that the error summary can focus (its id follows the field path).
import type { ReactNode } from 'react';
import { ErrorMessage, fieldId } from '@/components/fields';
import { useT } from '@/lib/i18n';

export type RadioOption = { value: string; label: ReactNode };

export function RadioGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  value: string;
  onChange: (v: string) => void;
  options: RadioOption[];
  inline?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} className="goal-fieldset">
        <legend className="form-label">
          {props.legend}
          {!props.required && <span className="weight-normal"> {t('common.optional')}</span>}
        </legend>
        {props.hint && (
          <span className="form-hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        )}
        {props.error && <ErrorMessage id={`${id}-error`} text={props.error} />}
        <div className={props.inline ? 'goal-radios-inline' : undefined}>
          {props.options.map((o) => {
            const oid = `${id}-${o.value || 'none'}`;
            return (
              <div key={o.value} className="form-group-radio">
                <input
                  type="radio"
                  id={oid}
                  name={props.name}
                  className="form-radio"
                  value={o.value}
                  checked={props.value === o.value}
                  aria-invalid={props.error ? true : undefined}
                  onChange={() => props.onChange(o.value)}
                />
                <label htmlFor={oid}>{o.label}</label>
              </div>
            );
          })}
        </div>
        {props.children}
      </fieldset>
    </div>
  );
}
