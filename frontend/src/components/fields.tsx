// Form fields with DKFDS markup (form-group, form-label, form-hint,
// form-error-message). A field with an error is aria-invalid and described by
// its message; ids follow the API's field path so the error summary can link
// to them (see fieldId).
import type { ChangeEvent, ReactNode } from 'react';
import { useT } from '@/lib/i18n';

/** DOM id for an API field path: "dreams[0].text" → "field-dreams-0-text". */
export function fieldId(path: string): string {
  return 'field-' + path.replace(/[[\].]+/g, '-').replace(/-+$/, '');
}

type Base = {
  name: string; // API field path, e.g. "citizen.name"
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
};

function Label({ name, label, required }: Base) {
  const t = useT();
  return (
    <label className="form-label" htmlFor={fieldId(name)}>
      {label}
      {!required && <span className="weight-normal"> {t('common.optional')}</span>}
    </label>
  );
}

function described(b: Base): string | undefined {
  const ids = [b.hint ? `${fieldId(b.name)}-hint` : '', b.error ? `${fieldId(b.name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError(b: Base) {
  return (
    <>
      {b.hint && (
        <span className="form-hint" id={`${fieldId(b.name)}-hint`}>
          {b.hint}
        </span>
      )}
      {b.error && <ErrorMessage id={`${fieldId(b.name)}-error`} text={b.error} />}
    </>
  );
}

export function ErrorMessage({ id, text }: { id: string; text: string }) {
  const t = useT();
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('common.errorSummaryTitle')}: </span>
      {text}
    </span>
  );
}

export function TextField(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'tel';
    autoComplete?: string;
    maxLength?: number;
    inputMode?: 'text' | 'numeric';
    className?: string;
  },
) {
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <Label {...props} />
      <HintAndError {...props} />
      <input
        id={fieldId(props.name)}
        name={props.name}
        className={`form-input${props.className ? ' ' + props.className : ''}`}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described(props)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function TextArea(props: Base & { value: string; onChange: (v: string) => void; rows?: number; maxLength?: number }) {
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <Label {...props} />
      <HintAndError {...props} />
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        className="form-input"
        rows={props.rows ?? 4}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described(props)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField(props: Base & { value: string; onChange: (v: string) => void; options: Option[]; emptyLabel?: string }) {
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <Label {...props} />
      <HintAndError {...props} />
      <select
        id={fieldId(props.name)}
        name={props.name}
        className="form-select"
        value={props.value}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described(props)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  const id = fieldId(props.name);
  return (
    <div className="form-group-checkbox">
      <input
        id={id}
        type="checkbox"
        className="form-checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

/** A group of checkboxes for a multi-valued enum, as a fieldset with legend. */
export function CheckboxGroup(
  props: Base & { values: string[]; onChange: (v: string[]) => void; options: Option[]; children?: ReactNode },
) {
  const id = fieldId(props.name);
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={described(props)} id={id} tabIndex={-1}>
        <legend className="form-label">{props.label}</legend>
        <HintAndError {...props} />
        <ul className="nobullet-list">
          {props.options.map((o) => {
            const oid = `${id}-${o.value}`;
            const on = props.values.includes(o.value);
            return (
              <li key={o.value}>
                <input
                  id={oid}
                  type="checkbox"
                  className="form-checkbox"
                  checked={on}
                  onChange={() => props.onChange(on ? props.values.filter((v) => v !== o.value) : [...props.values, o.value])}
                />
                <label htmlFor={oid}>{o.label}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
