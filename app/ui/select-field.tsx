/**
 * One labelled select of a GET filter form (the arrears filter bar, the reports' filter form): the
 * label above, an optional "any" choice with an empty value first, then the options.
 */
import type { ReactNode } from 'react';

export interface SelectFieldProps {
  name: string;
  label: string;
  defaultValue: string;
  /** the text of the empty choice (every value); none: a value must be chosen */
  any?: string;
  options: readonly { value: string; label: string }[];
  /** options of their own (optgroups), instead of `options` */
  children?: ReactNode;
}

export function SelectField({ name, label, defaultValue, any, options, children }: SelectFieldProps) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={defaultValue}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {children ??
          options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
      </select>
    </label>
  );
}
