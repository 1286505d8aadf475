// Reads a template into pieces: plain text, known fields (canonical or legacy spellings) and
// problems (unknown or misspelt fields, `{{` never closed), each with its position so the
// editor can point at it. One regular expression, one pass: what `validate` reports is exactly
// what `render` would have to fill.
import {
  FIELD_NAMES,
  LEGACY_AMPERSAND,
  LEGACY_WORDS,
  foldFieldName,
  resolveFieldName,
  type FieldName,
} from './catalogue';

export type Piece =
  { kind: 'text'; text: string } | { kind: 'field'; field: FieldName; raw: string; index: number };

export interface TemplateIssue {
  kind: 'unknown' | 'empty' | 'unclosed';
  /** What the user wrote, as found in the text (`{{numro}}`, `&persone`, `{{`). */
  raw: string;
  /** The name inside, trimmed (`numro`); empty for `{{}}` and an unclosed `{{`. */
  name: string;
  index: number;
  length: number;
  /** The closest known field, when one is close enough to be what was meant. */
  suggestion: FieldName | null;
}

const LEGACY = Object.keys(LEGACY_WORDS).join('|');
const NOT_WORD = String.raw`[\p{L}\p{N}_]`;
const TOKEN = new RegExp(
  [
    String.raw`\{\{([^{}]*)\}\}`,
    // `{{` with no `}}` before the next brace; not the first of `{{{`, whose last two may open
    // a field.
    String.raw`\{\{(?!\{)(?![^{}]*\}\})`,
    String.raw`\{(${LEGACY})\}`,
    String.raw`(?<!${NOT_WORD})(${LEGACY})(?!${NOT_WORD})`,
    // `&personne`, but not R&D, `&&` or an HTML entity such as `&nbsp;`.
    String.raw`(?<![\p{L}\p{N}_&])&(\p{L}${NOT_WORD}*)(?![\p{L}\p{N}_;])`,
  ].join('|'),
  'gu',
);

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

const CANDIDATES: [string, FieldName][] = [
  ...FIELD_NAMES.map((name) => [name, name] as [string, FieldName]),
  ...Object.entries(LEGACY_WORDS).map(([w, f]) => [w.toLowerCase(), f] as [string, FieldName]),
  ...Object.entries(LEGACY_AMPERSAND).map(([w, f]) => [w, f] as [string, FieldName]),
];

/** The nearest field name, if the typo is small for the word's length (a third of it, ≥ 2). */
export function suggestField(name: string): FieldName | null {
  const folded = foldFieldName(name);
  if (folded === '') return null;
  let best: { field: FieldName; cost: number } | null = null;
  for (const [candidate, field] of CANDIDATES) {
    // A prefix typed so far ({{paye}}) counts as close.
    const cost = candidate.startsWith(folded) ? 1 : distance(folded, candidate);
    if (best === null || cost < best.cost) best = { field, cost };
  }
  const allowed = Math.max(2, Math.floor(folded.length / 3));
  return best && best.cost <= allowed ? best.field : null;
}

export interface Scan {
  pieces: Piece[];
  issues: TemplateIssue[];
}

export function scanTemplate(text: string): Scan {
  const pieces: Piece[] = [];
  const issues: TemplateIssue[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    const raw = match[0];
    if (index > last) pieces.push({ kind: 'text', text: text.slice(last, index) });
    last = index + raw.length;
    const [, braced, single, bare, ampersand] = match;
    const issue = (kind: TemplateIssue['kind'], name: string) => {
      const suggestion = suggestField(name.replace(/^&/, ''));
      issues.push({ kind, raw, name, index, length: raw.length, suggestion });
      pieces.push({ kind: 'text', text: raw });
    };
    if (braced !== undefined) {
      const field = resolveFieldName(braced);
      if (field) pieces.push({ kind: 'field', field, raw, index });
      else issue(braced.trim() === '' ? 'empty' : 'unknown', braced.trim());
    } else if (single !== undefined || bare !== undefined) {
      const field = LEGACY_WORDS[single ?? bare ?? ''];
      if (field) pieces.push({ kind: 'field', field, raw, index });
    } else if (ampersand !== undefined) {
      const field = LEGACY_AMPERSAND[foldFieldName(ampersand)];
      if (field) pieces.push({ kind: 'field', field, raw, index });
      else issue('unknown', `&${ampersand}`);
    } else {
      issue('unclosed', '');
    }
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return { pieces, issues };
}

/** Every unknown, misspelt, empty or unclosed field of a template text, in order. */
export function validate(text: string): TemplateIssue[] {
  return scanTemplate(text).issues;
}
