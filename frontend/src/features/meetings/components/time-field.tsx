// A time of day field with DKFDS markup, like the shared TextField (which
// has no type="time"): a native time picker on tablets and phones.
import { ErrorMessage, fieldId } from '@/components/fields';

export function TimeField(props: { name: string; label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void }) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && <ErrorMessage id={`${id}-error`} text={props.error} />}
      <input
        id={id}
        name={props.name}
        className="form-input input-width-xs"
        type="time"
        required
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
