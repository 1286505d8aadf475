// A labelled form field: the label wraps the control so getByLabel and screen readers find it.
import type { ReactNode } from 'react';

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
