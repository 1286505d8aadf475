// The template renderer: every spelling of every field resolves, values read as each language
// writes them, unknown or misspelt fields are refused with their position and the nearest
// field, and the subject always comes out on one line.
import { describe, expect, it } from 'vitest';
import {
  FIELD_NAMES,
  describeIssue,
  render,
  validate,
  type TemplateValues,
} from '../../../src/shared/templates';

export const values: TemplateValues = {
  resident: 'Mme Łucja Wiśniewska',
  payer: 'M. Łukasz WIŚNIEWSKI',
  payerCivilite: 'M.',
  payerName: 'Łukasz WIŚNIEWSKI',
  facility: 'EHPAD Les Tilleuls',
  number: 'TIL-2026-000123',
  issueDate: '2026-10-01',
  period: '2026-09',
  dueDate: '2026-10-31',
  amountCents: 257055,
  kind: 'facture',
  sender: 'Hélène Dubois',
};
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

function ok(
  subject: string,
  body = '',
  language: 'fr' | 'en' | 'de' | 'nl' | 'es' | 'it' | 'pt' = 'fr',
) {
  const result = render({ subject, body }, values, language);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { subject: spaces(result.subject), text: spaces(result.text) };
}

describe('render', () => {
  it('fills every canonical field the French way', () => {
    const body = FIELD_NAMES.map((name) => `${name}={{${name}}}`).join('\n');
    expect(ok('x', body).text.split('\n')).toEqual([
      'resident=Mme Łucja Wiśniewska',
      'payeur=M. Łukasz WIŚNIEWSKI',
      'payeur_civilite=Monsieur',
      'payeur_nom=Łukasz WIŚNIEWSKI',
      'etablissement=EHPAD Les Tilleuls',
      'numero=TIL-2026-000123',
      'date=01/10/2026',
      'periode=septembre 2026',
      'montant=2 570,55 €',
      'echeance=31/10/2026',
      'type_document=facture',
      'expediteur=Hélène Dubois',
    ]);
  });

  it('reads the legacy names, bare and in braces, and accents or capitals inside braces', () => {
    expect(ok('TYPEDOC NUMFACT du DATEFACT pour NOMCLIENT').subject).toBe(
      'facture TIL-2026-000123 du 01/10/2026 pour M. Łukasz WIŚNIEWSKI',
    );
    expect(ok('{NUMFACT} {{NUMFACT}} {{ Numéro }} {{Période}} {{Type document}}').subject).toBe(
      'TIL-2026-000123 TIL-2026-000123 TIL-2026-000123 septembre 2026 facture',
    );
    expect(ok('&personne, &periode, &période').subject).toBe(
      'Mme Łucja Wiśniewska, septembre 2026, septembre 2026',
    );
    // Words that merely contain a legacy name, R&D and HTML entities stay text.
    expect(ok('XNUMFACT NUMFACTS R&D &nbsp; M. & Mme').subject).toBe(
      'XNUMFACT NUMFACTS R&D &nbsp; M. & Mme',
    );
  });

  it('writes dates, periods and amounts as each language does', () => {
    const line = '{{date}} | {{periode}} | {{montant}} | {{payeur_civilite}} | {{type_document}}';
    expect(ok(line, '', 'en').subject).toBe(
      '1 October 2026 | September 2026 | €2,570.55 | Mr | invoice',
    );
    expect(ok(line, '', 'de').subject).toBe(
      '1. Oktober 2026 | September 2026 | 2.570,55 € | Herr | Rechnung',
    );
    expect(ok(line, '', 'nl').subject).toBe(
      '1 oktober 2026 | september 2026 | € 2.570,55 | heer | factuur',
    );
    expect(ok(line, '', 'es').subject).toBe(
      '1 de octubre de 2026 | septiembre de 2026 | 2570,55 € | Sr. | factura',
    );
    expect(ok(line, '', 'it').subject).toBe(
      '1 ottobre 2026 | settembre 2026 | 2570,55 € | Sig. | fattura',
    );
    expect(ok(line, '', 'pt').subject).toBe(
      '1 de outubro de 2026 | setembro de 2026 | 2570,55 € | Sr. | fatura',
    );
  });

  it('writes an avoir as such, with its negative amount', () => {
    const result = render(
      { subject: '{{type_document}} {{montant}}', body: '' },
      { ...values, kind: 'avoir', amountCents: -1500 },
      'fr',
    );
    expect(result.ok && spaces(result.subject)).toBe('avoir -15,00 €');
  });

  it('leaves no double space where a value is empty', () => {
    const result = render(
      { subject: 'Dear {{payeur_civilite}} {{payeur_nom}},', body: '' },
      { ...values, payerCivilite: '' },
      'en',
    );
    expect(result.ok && result.subject).toBe('Dear Łukasz WIŚNIEWSKI,');
  });

  it('keeps CR, LF and control characters of values and of the subject out of the subject', () => {
    const result = render(
      { subject: 'Facture\r\n{{payeur}}\tBcc: x@y.fr', body: 'Bonjour\r\n{{payeur}}\u0000' },
      { ...values, payer: 'A\r\nBcc: evil@example.com' },
      'fr',
    );
    expect(result).toEqual({
      ok: true,
      subject: 'Facture A Bcc: evil@example.com Bcc: x@y.fr',
      text: 'Bonjour\nA Bcc: evil@example.com',
    });
  });

  it('refuses a template with an unknown field, never rendering a blank', () => {
    const result = render(
      { subject: 'Facture {{numro}}', body: 'Montant {{montan}} &persone' },
      values,
      'fr',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.part, i.raw, i.index, i.suggestion])).toEqual([
      ['subject', '{{numro}}', 8, 'numero'],
      ['body', '{{montan}}', 8, 'montant'],
      ['body', '&persone', 19, 'resident'],
    ]);
  });
});

describe('validate', () => {
  it('reports unknown, empty and unclosed fields with their position, in French', () => {
    const issues = validate('Bonjour {{payeurr}}, {{}} {{xyzzy}} {{numero');
    expect(issues.map((i) => [i.kind, i.index, i.length])).toEqual([
      ['unknown', 8, 11],
      ['empty', 21, 4],
      ['unknown', 26, 9],
      ['unclosed', 36, 2],
    ]);
    expect(issues.map(describeIssue)).toEqual([
      'Champ inconnu {{payeurr}} : vouliez-vous dire {{payeur}} ?',
      'Champ vide {{}} : choisissez un champ dans la liste ou supprimez les accolades.',
      'Champ inconnu {{xyzzy}} : choisissez un champ dans la liste « Insérer un champ ».',
      'Accolades ouvertes « {{ » sans « }} » : fermez le champ ou supprimez les accolades.',
    ]);
  });

  it('suggests the field a legacy name or a prefix was meant to be', () => {
    expect(validate('{{NUMFAC}}')[0]?.suggestion).toBe('numero');
    expect(validate('{{echeanc}}')[0]?.suggestion).toBe('echeance');
    expect(validate('{{etablisement}}')[0]?.suggestion).toBe('etablissement');
  });

  it('finds nothing in a text made of known fields', () => {
    expect(validate('{{resident}} NUMFACT &periode {{ payeur_nom }} {x} }} {')).toEqual([]);
  });
});
