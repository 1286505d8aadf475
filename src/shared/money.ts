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
