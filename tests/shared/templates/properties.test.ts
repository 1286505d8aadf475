// Properties of the renderer over generated templates and values (fast-check): the subject
// never carries CR/LF, an unknown `{{x}}` is always reported where it is, and a template made
// of known fields always renders with none left unresolved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIELD_NAMES,
  LEGACY_WORDS,
  TEMPLATE_LANGUAGES,
  formatValues,
  render,
  resolveFieldName,
  validate,
  type TemplateValues,
} from '../../../src/shared/templates';

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const isoDay = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const valuesArb: fc.Arbitrary<TemplateValues> = fc.record({
  resident: anyText,
  payer: anyText,
  payerCivilite: fc.constantFrom('M.' as const, 'Mme' as const, '' as const),
  payerName: anyText,
  facility: anyText,
  number: anyText,
  issueDate: fc.oneof(isoDay, anyText),
  period: fc.oneof(
    isoDay.map((d) => d.slice(0, 7)),
    anyText,
  ),
  dueDate: fc.oneof(isoDay, anyText),
  amountCents: fc.integer({ min: -100_000_000, max: 100_000_000 }),
  kind: fc.constantFrom('facture' as const, 'avoir' as const),
  sender: anyText,
});

const language = fc.constantFrom(...TEMPLATE_LANGUAGES);
const field = fc.constantFrom(
  ...FIELD_NAMES.map((name) => `{{${name}}}`),
  ...Object.keys(LEGACY_WORDS).map((word) => ` ${word} `),
  '{{ Période }}',
  ' &personne ',
  ' &periode ',
);
/** Text with no brace or ampersand: it can hold no field, known or not. */
const plain = fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/[{}&]/g, ''));
const knownTemplate = fc.array(fc.oneof(plain, field), { maxLength: 12 }).map((p) => p.join(''));

describe('template renderer properties', () => {
  it('never puts CR or LF (or any control character) in a subject', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, knownTemplate),
        anyText,
        valuesArb,
        language,
        (subject, body, values, lang) => {
          const result = render({ subject, body }, values, lang);
          if (result.ok) expect(result.subject).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}]/u);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('always reports an unknown {{x}}, at its place', () => {
    const name = fc
      .string({ unit: 'binary', maxLength: 20 })
      .filter((x) => !/[{}]/.test(x) && resolveFieldName(x) === null);
    fc.assert(
      fc.property(anyText, name, anyText, (before, x, after) => {
        const text = `${before}{{${x}}}${after}`;
        const issues = validate(text);
        expect(issues).toContainEqual(
          expect.objectContaining({ raw: `{{${x}}}`, index: before.length }),
        );
        expect(render({ subject: text, body: '' }, {} as TemplateValues, 'fr').ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('always resolves known fields, in subject and body, in every language', () => {
    fc.assert(
      fc.property(
        knownTemplate,
        knownTemplate,
        valuesArb,
        language,
        (subject, body, values, lang) => {
          expect(validate(subject)).toEqual([]);
          const result = render({ subject, body }, values, lang);
          expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_NAMES), valuesArb, language, (name, values, lang) => {
        const result = render({ subject: `{{${name}}}`, body: `{{${name}}}` }, values, lang);
        const expected = formatValues(values, lang)[name];
        expect(result).toEqual({ ok: true, subject: expected, text: expected });
      }),
    );
  });
});
