// Fills a template (subject and body) with one invoice's values. A template with any unknown,
// misspelt or unclosed field is refused with the list of problems: a family never receives a
// blank or a raw `{{…}}`. The subject comes out on one line whatever the template or the
// values hold, so no CR/LF can reach a mail header from here.
import type { FieldName, TemplateLanguage } from './catalogue';
import { formatValues, oneLine, type TemplateValues } from './format';
import { scanTemplate, type TemplateIssue } from './scan';

export interface TemplateText {
  subject: string;
  body: string;
}

export interface LocatedIssue extends TemplateIssue {
  part: 'subject' | 'body';
}

export type RenderResult =
  { ok: true; subject: string; text: string } | { ok: false; issues: LocatedIssue[] };

function fill(text: string, values: Record<FieldName, string>): string {
  const { pieces } = scanTemplate(text);
  let out = '';
  let droppedValue = false;
  for (const piece of pieces) {
    if (piece.kind === 'field') {
      out += values[piece.field];
      droppedValue = values[piece.field] === '';
    } else {
      // An empty value (no civilité) leaves no double space behind: "Dear  Smith".
      const text = droppedValue && /(^|\s)$/.test(out) ? piece.text.replace(/^ /, '') : piece.text;
      out += text;
      droppedValue = false;
    }
  }
  return out;
}

/** Body text: line ends as `\n`, no other control character except tabs. */
function cleanBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '');
}

/** All the problems of a template, subject first. */
export function templateIssues(template: TemplateText): LocatedIssue[] {
  return [
    ...scanTemplate(template.subject).issues.map((i) => ({ ...i, part: 'subject' as const })),
    ...scanTemplate(template.body).issues.map((i) => ({ ...i, part: 'body' as const })),
  ];
}

export function render(
  template: TemplateText,
  values: TemplateValues,
  language: TemplateLanguage,
): RenderResult {
  const issues = templateIssues(template);
  if (issues.length > 0) return { ok: false, issues };
  const texts = formatValues(values, language);
  return {
    ok: true,
    subject: oneLine(fill(template.subject, texts)),
    text: cleanBody(fill(template.body, texts)),
  };
}
