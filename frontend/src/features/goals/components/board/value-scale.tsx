// A 1–10 scale as one radio group with large targets, for a shared screen:
// native radios (arrow keys move between values, Tab leaves the group),
// drawn as numbered boxes. "None" clears the value.
import { useId } from 'react';

export const SCALE = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

export function ValueScale(props: {
  name: string;
  legend: string;
  hint: string;
  noneLabel: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const options = [{ value: '', label: props.noneLabel }, ...SCALE.map((v) => ({ value: v, label: v }))];
  return (
    <fieldset className="board-scale" aria-describedby={`${id}-hint`}>
      <legend className="board-scale-legend">{props.legend}</legend>
      <span className="board-scale-hint" id={`${id}-hint`}>
        {props.hint}
      </span>
      <div className="board-scale-options">
        {options.map((o) => {
          const oid = `${id}-${o.value || 'none'}`;
          return (
            <span key={o.value} className={`board-scale-option${o.value === '' ? ' board-scale-none' : ''}`}>
              <input
                type="radio"
                id={oid}
                name={props.name}
                value={o.value}
                checked={props.value === o.value}
                onChange={() => props.onChange(o.value)}
              />
              <label htmlFor={oid}>{o.label}</label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}
