// French display of amounts, quantities, dates and periods, shared by the PDFs, emails and pages.
// Amounts are integer cents everywhere: a fraction of a cent is a bug upstream, never rounded here.

// Built once: constructing an Intl formatter costs far more than formatting with it.
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const quantities = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/**
 * `123456` → `1 234,56 €`, with the narrow no-break space (U+202F) between thousands and the
 * no-break space (U+00A0) before the sign, as `Intl` gives them: they keep an amount on one line.
 */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Montant en centimes entier attendu (reçu : ${String(cents)}).`);
  }
  // Dividing a safe integer by 100 is exact to the cent once rounded to two decimals.
  return euros.format(cents / 100);
}

/** `30` → `30`, `1.5` → `1,5`, `1234` → `1 234`. */
export function formatQuantity(quantity: number): string {
  if (!Number.isFinite(quantity)) {
    throw new RangeError(`Quantité numérique attendue (reçu : ${String(quantity)}).`);
  }
  return quantities.format(quantity);
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-trip through UTC so that 2026-02-30 is refused rather than printed.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `2026-09-01` → `01/09/2026`. */
export function formatDateFr(isoDate: string): string {
  if (!isIsoDate(isoDate))
    throw new RangeError(`Date AAAA-MM-JJ attendue (reçu : « ${isoDate} »).`);
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** `2026-09` → `septembre 2026`. */
export function formatPeriodFr(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`Période AAAA-MM attendue (reçu : « ${period} »).`);
  return `${month} ${match[1]}`;
}

/**
 * What a user typed as an amount, the French way, in integer cents: `68,50` → `6850`,
 * `1 234,5 €` → `123450`, `68.50` (numeric keypad) → `6850`, `1.234,56` → `123456`.
 * `null` for anything else (more than two decimals, letters, empty): the caller says why.
 * Done on the digits, never through a float, so `0,29` is 29 cents and not 28.
 */
export function parseEuros(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match =
    /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(compact) ??
    /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const [, sign = '', whole = '', decimals = ''] = match;
  const cents = Number(whole.replace(/\./g, '')) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

export type ParsedAmount = { ok: true; cents: number } | { ok: false; error: string };

/** Bounds of an amount typed by hand (a débours): 0,01 € to 10 000 €. */
export const TYPED_AMOUNT_LIMITS = { minCents: 1, maxCents: 1_000_000 } as const;

/**
 * `parseEuros` for a form: the cents of a positive amount within `limits`, or the French
 * reason to show under the field.
 */
export function parseAmountInput(text: string, limits = TYPED_AMOUNT_LIMITS): ParsedAmount {
  if (text.trim() === '') return { ok: false, error: 'Saisissez un montant (exemple : 18,45).' };
  const cents = parseEuros(text);
  if (cents === null || cents < 0) {
    return {
      ok: false,
      error:
        'Montant invalide : des chiffres avec au plus deux décimales après la virgule (exemple : 18,45).',
    };
  }
  if (cents < limits.minCents) {
    return { ok: false, error: `Le montant doit être d’au moins ${formatEuros(limits.minCents)}.` };
  }
  if (cents > limits.maxCents) {
    return {
      ok: false,
      error: `Le montant ne peut pas dépasser ${formatEuros(limits.maxCents)} : vérifiez la virgule.`,
    };
  }
  return { ok: true, cents };
}

/** `1845` → `18,45`: an amount as the user would type it, to edit it again. */
export function centsToInput(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Montant en centimes entier attendu (reçu : ${String(cents)}).`);
  }
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
