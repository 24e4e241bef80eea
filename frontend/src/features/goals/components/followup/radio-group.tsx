// A DKFDS radio group: fieldset with legend, hint and error message, one
// radio per option (each may have its own hint). The fieldset's id follows
// the API field path, so the error summary can move focus to it.
import type { ReactNode } from 'react';
import { ErrorMessage, fieldId } from '@/components/fields';

export type RadioOption = { value: string; label: string; hint?: string };

export function RadioGroup(props: {
  name: string;
  legend: string;
  options: RadioOption[];
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  error?: string;
  children?: ReactNode;
}) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={describedBy}>
        <legend className="form-label">{props.legend}</legend>
        {props.hint && (
          <span className="form-hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        )}
        {props.error && <ErrorMessage id={`${id}-error`} text={props.error} />}
        {props.options.map((o) => {
          const oid = `${id}-${o.value === '' ? 'none' : o.value.replace(/-/g, 'm').replace(/\W/g, '_')}`;
          return (
            <div key={o.value} className="form-group-radio">
              <input
                type="radio"
                id={oid}
                name={props.name}
                className="form-radio"
                value={o.value}
                checked={props.value === o.value}
                aria-describedby={o.hint ? `${oid}-hint` : undefined}
                onChange={() => props.onChange(o.value)}
              />
              <label htmlFor={oid}>{o.label}</label>
              {o.hint && (
                <span className="form-hint" id={`${oid}-hint`}>
                  {o.hint}
                </span>
              )}
            </div>
          );
        })}
        {props.children}
      </fieldset>
    </div>
  );
}
