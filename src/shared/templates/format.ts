// The values a template receives for one invoice, and how each becomes text in the payer's
// language: dates, the period and amounts through Intl as that language writes them (French:
// `01/10/2026`, `septembre 2026`, `1 234,56 €` as on the invoice PDF), civilités and document
// names from small tables. Every value is flattened to one line here, where it is assigned.
import { FIELD_NAMES, type FieldName, type TemplateLanguage } from './catalogue';

export interface TemplateValues {
  /** `Mme Łucja Wiśniewska`. */
  resident: string;
  /** The payer as printed on the invoice: `M. Łukasz WIŚNIEWSKI`. */
  payer: string;
  payerCivilite: 'M.' | 'Mme' | '';
  /** The payer without civilité: `Łukasz WIŚNIEWSKI`. */
  payerName: string;
  facility: string;
  number: string;
  /** ISO dates `YYYY-MM-DD`, period `YYYY-MM`. */
  issueDate: string;
  period: string;
  dueDate: string;
  amountCents: number;
  kind: 'facture' | 'avoir';
  sender: string;
}

const LOCALES: Record<TemplateLanguage, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  nl: 'nl-NL',
  de: 'de-DE',
  es: 'es-ES',
  it: 'it-IT',
  pt: 'pt-PT',
};

const CIVILITES: Record<TemplateLanguage, { 'M.': string; Mme: string }> = {
  fr: { 'M.': 'Monsieur', Mme: 'Madame' },
  en: { 'M.': 'Mr', Mme: 'Mrs' },
  nl: { 'M.': 'heer', Mme: 'mevrouw' },
  de: { 'M.': 'Herr', Mme: 'Frau' },
  es: { 'M.': 'Sr.', Mme: 'Sra.' },
  it: { 'M.': 'Sig.', Mme: 'Sig.ra' },
  pt: { 'M.': 'Sr.', Mme: 'Sra.' },
};

const DOCUMENTS: Record<TemplateLanguage, { facture: string; avoir: string }> = {
  fr: { facture: 'facture', avoir: 'avoir' },
  en: { facture: 'invoice', avoir: 'credit note' },
  nl: { facture: 'factuur', avoir: 'creditnota' },
  de: { facture: 'Rechnung', avoir: 'Gutschrift' },
  es: { facture: 'factura', avoir: 'factura rectificativa' },
  it: { facture: 'fattura', avoir: 'nota di credito' },
  pt: { facture: 'fatura', avoir: 'nota de crédito' },
};

interface Formatters {
  date: Intl.DateTimeFormat;
  period: Intl.DateTimeFormat;
  amount: Intl.NumberFormat;
}
// Built once per language: constructing an Intl formatter costs far more than using it.
const formatters = new Map<TemplateLanguage, Formatters>();
function formattersFor(language: TemplateLanguage): Formatters {
  let found = formatters.get(language);
  if (!found) {
    const locale = LOCALES[language];
    // French offices write dates as on the invoice; elsewhere the month in words, which no
    // reader can mistake for a day (01/10 is January 10th in the United States).
    const dateStyle: Intl.DateTimeFormatOptions =
      language === 'fr'
        ? { day: '2-digit', month: '2-digit', year: 'numeric' }
        : { day: 'numeric', month: 'long', year: 'numeric' };
    found = {
      date: new Intl.DateTimeFormat(locale, { ...dateStyle, timeZone: 'UTC' }),
      period: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      amount: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
    };
    formatters.set(language, found);
  }
  return found;
}

/** Control characters (CR, LF, tab, NUL, U+2028…) become spaces; runs of spaces one. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function utcDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '1')];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const date = utcDate(iso);
  // An unparseable date is shown as stored rather than dropped: never a blank.
  return date ? format.format(date) : iso;
}

/** Each field's text for these values in this language, one line each. */
export function formatValues(
  values: TemplateValues,
  language: TemplateLanguage,
): Record<FieldName, string> {
  const f = formattersFor(language);
  const amount = Number.isSafeInteger(values.amountCents)
    ? f.amount.format(values.amountCents / 100)
    : '';
  const texts: Record<FieldName, string> = {
    resident: values.resident,
    payeur: values.payer,
    payeur_civilite: values.payerCivilite === '' ? '' : CIVILITES[language][values.payerCivilite],
    payeur_nom: values.payerName,
    etablissement: values.facility,
    numero: values.number,
    date: formatDate(f.date, values.issueDate),
    periode: formatDate(f.period, values.period),
    montant: amount,
    echeance: formatDate(f.date, values.dueDate),
    type_document: DOCUMENTS[language][values.kind],
    expediteur: values.sender,
  };
  for (const name of FIELD_NAMES) texts[name] = oneLine(texts[name]);
  return texts;
}
