// Pieces of the template editor shared with Envoi groupé's message: « Insérer un champ » (a list
// of every field with its meaning and an example; the chosen one goes where the cursor was) and
// the problems of a subject and text from the shared validator, in French.
import { useId } from 'react';
import {
  FIELD_LABELS,
  FIELD_NAMES,
  describeLocatedIssue,
  type FieldName,
  type LocatedIssue,
} from '../../../shared/templates';
import { fr } from '../../i18n/fr';

const t = fr.templates;

export function FieldPicker({ onPick }: { onPick: (name: FieldName) => void }) {
  const pickerId = useId();
  return (
    // Not a wrapping <label>: its name would then hold every option's text.
    <div className="field">
      <span id={pickerId}>{t.insertField}</span>
      <select
        aria-labelledby={pickerId}
        value=""
        onChange={(e) => {
          if (e.target.value) onPick(e.target.value as FieldName);
        }}
        title={t.insertHelp}
      >
        <option value="">{t.chooseField}</option>
        {FIELD_NAMES.map((name) => (
          <option key={name} value={name}>
            {`{{${name}}} : ${FIELD_LABELS[name].label} (ex. ${FIELD_LABELS[name].example})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** `{{field}}` in place of the selection of an input or textarea; the cursor after it. */
export function insertField(
  element: HTMLInputElement | HTMLTextAreaElement | null,
  value: string,
  name: FieldName,
  set: (next: string) => void,
): void {
  const token = `{{${name}}}`;
  const start = element?.selectionStart ?? value.length;
  const end = element?.selectionEnd ?? start;
  set(value.slice(0, start) + token + value.slice(end));
  // Once React has written the new value, put the cursor just after the inserted field.
  requestAnimationFrame(() => {
    element?.focus();
    element?.setSelectionRange(start + token.length, start + token.length);
  });
}

export function TemplateIssueList({ issues, title }: { issues: LocatedIssue[]; title: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" aria-label={title}>
      <p>{title}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.part}-${issue.index}`}>{describeLocatedIssue(issue)}</li>
        ))}
      </ul>
    </div>
  );
}
