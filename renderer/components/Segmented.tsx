// A choice of one among a few, shown as joined buttons: radio inputs under a legend, so keys and screen readers work.
import { useId } from 'react';

interface SegmentedProps<V extends string> {
  legend: string;
  value: V;
  options: readonly (readonly [value: V, label: string])[];
  onChange: (value: V) => void;
}

export function Segmented<V extends string>({ legend, value, options, onChange }: SegmentedProps<V>) {
  const name = useId();
  return (
    <fieldset className="field segmented">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
