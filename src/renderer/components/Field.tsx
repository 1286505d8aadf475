// A labelled form field: the label wraps the control so getByLabel and screen readers find it.
import type { InputHTMLAttributes, ReactNode } from 'react';

export function Field({
  label,
  children,
  wide = false,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <label className={wide ? 'field field-wide' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A Field holding one text input, which reports the value typed rather than the event. */
export function TextField({
  label,
  onChange,
  ...input
}: { label: string; value: string; onChange: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
>) {
  return (
    <Field label={label}>
      <input {...input} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
