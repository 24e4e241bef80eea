// One question answered Ja / Delvist / Nej: a DKFDS radio group (fieldset,
// legend, error at the field) whose id follows the API field, so the error
// summary can move focus to it. The whole row of each answer is its target.
import { ErrorMessage, fieldId } from '@/components/fields';

export function ChoiceGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = fieldId(props.name);
  return (
    <div className={`form-group${props.error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={props.error ? `${id}-error` : undefined}>
        <legend className="form-label">{props.legend}</legend>
        {props.error && <ErrorMessage id={`${id}-error`} text={props.error} />}
        <div className="fl-choices">
          {props.options.map((o) => (
            <div key={o.value} className="form-group-radio">
              <input
                type="radio"
                id={`${id}-${o.value}`}
                name={props.name}
                className="form-radio"
                value={o.value}
                checked={props.value === o.value}
                onChange={() => props.onChange(o.value)}
              />
              <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
