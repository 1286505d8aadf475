// The demo association's fixed identity: its three facilities with a full billing identity
// (FINESS, SIRET, RIB/IBAN with valid check digits), their tariffs, and the demo users.

export const DEMO_ASSOCIATION_NAME = 'Association Les Tilleuls (démonstration)';
export const DEMO_PASSWORD = 'demo';
export const DEMO_LOGINS = {
  admin: 'admin',
  facturation: 'facturation',
  accueil: 'accueil',
  accueil2: 'accueil2',
} as const;

const VAT_MENTION = 'Prestations exonérées de TVA – article 261-7-1° du CGI';
const SIREN = luhnComplete('78451236'); // the association, shared by its facilities

/** Appends the Luhn check digit that SIREN, SIRET and FINESS numbers carry. */
export function luhnComplete(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the digit just left of the check digit to come.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

export function luhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnComplete(digits.slice(0, -1)) === digits;
}

function mod97(digits: string): number {
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + Number(c)) % 97;
  return rest;
}

/** ISO 13616 letters-to-digits (A=10 … Z=35) before the mod-97 check. */
function ibanDigits(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
}

/** A French IBAN from bank, branch and account codes: RIB key, then IBAN check digits. */
export function frenchIban(bank: string, branch: string, account: string): string {
  const ribKey = 97 - mod97(`${bank}${branch}${account}00`);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  const check = 98 - mod97(ibanDigits(`${bban}FR00`));
  const iban = `FR${String(check).padStart(2, '0')}${bban}`;
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/ /g, '');
  return mod97(ibanDigits(`${compact.slice(4)}${compact.slice(0, 4)}`)) === 1;
}

export interface TariffBase {
  hebergement: number;
  gir12: number;
  gir34: number;
  gir56: number;
}

export interface DemoFacility {
  code: string;
  name: string;
  kind: 'ehpad' | 'residence_autonomie';
  share: number;
  address_line1: string;
  address_line2: string;
  postal_code: string;
  city: string;
  phone: string;
  email: string;
  finess: string;
  siret: string;
  legal_name: string;
  billing_address: string;
  iban: string;
  bic: string;
  vat_mention: string;
  /** Daily prices in cents for the reference year, raised about 2.5 % a year. */
  tariff: TariffBase;
}

export const TARIFF_REFERENCE_YEAR = 2025;
export const TARIFF_YEARLY_RISE = 1.025;

function facility(
  code: string,
  name: string,
  kind: DemoFacility['kind'],
  share: number,
  address: { line1: string; line2?: string; postalCode: string; city: string; phone: string },
  ids: { finess: string; nic: string; account: string },
  tariff: TariffBase,
): DemoFacility {
  return {
    code,
    name,
    kind,
    share,
    address_line1: address.line1,
    address_line2: address.line2 ?? '',
    postal_code: address.postalCode,
    city: address.city,
    phone: address.phone,
    email: `facturation.${code.toLowerCase()}@les-tilleuls.example`,
    finess: luhnComplete(ids.finess),
    siret: luhnComplete(`${SIREN}${ids.nic}`),
    legal_name: `Association Les Tilleuls – ${name}`,
    billing_address: [
      'Association Les Tilleuls',
      `${name} – service facturation`,
      address.line1,
      `${address.postalCode} ${address.city}`,
    ].join('\n'),
    iban: frenchIban('15589', '44910', ids.account),
    bic: 'CMBRFR2BXXX',
    vat_mention: VAT_MENTION,
    tariff,
  };
}

export const FACILITIES: readonly DemoFacility[] = [
  facility(
    'TIL',
    'EHPAD Les Tilleuls',
    'ehpad',
    0.45,
    {
      line1: '14 allée des Tilleuls',
      postalCode: '44300',
      city: 'Nantes',
      phone: '02 40 49 12 30',
    },
    { finess: '44000871', nic: '0001', account: '04518732001' },
    { hebergement: 7480, gir12: 2310, gir34: 1466, gir56: 622 },
  ),
  facility(
    'CSE',
    'EHPAD Le Clos Saint-Exupéry',
    'ehpad',
    0.35,
    {
      line1: '2 rue Saint-Exupéry',
      line2: 'Quartier de l’Immaculée',
      postalCode: '44600',
      city: 'Saint-Nazaire',
      phone: '02 40 70 55 10',
    },
    { finess: '44002139', nic: '0002', account: '04518732002' },
    { hebergement: 6930, gir12: 2190, gir34: 1391, gir56: 590 },
  ),
  facility(
    'HOR',
    'Résidence autonomie Les Hortensias',
    'residence_autonomie',
    0.2,
    {
      line1: '5 rue des Hortensias',
      postalCode: '44350',
      city: 'Guérande',
      phone: '02 40 24 71 80',
    },
    { finess: '44003520', nic: '0003', account: '04518732003' },
    { hebergement: 6580, gir12: 2120, gir34: 1362, gir56: 575 },
  ),
];

/** Day prices in cents for one facility and year. */
export function tariffFor(base: TariffBase, year: number): TariffBase {
  const factor = TARIFF_YEARLY_RISE ** (year - TARIFF_REFERENCE_YEAR);
  return {
    hebergement: Math.round(base.hebergement * factor),
    gir12: Math.round(base.gir12 * factor),
    gir34: Math.round(base.gir34 * factor),
    gir56: Math.round(base.gir56 * factor),
  };
}

export interface DemoUser {
  name: string;
  initials: string;
  login: string;
  role: 'admin' | 'facturation' | 'accueil';
  email: string | null;
  /** Which of the caller's three hashes this user gets (all passwords are DEMO_PASSWORD). */
  hash: 'admin' | 'facturation' | 'accueil';
}

export const USERS: readonly DemoUser[] = [
  {
    name: 'Hélène Le Guével',
    initials: 'HLG',
    login: DEMO_LOGINS.admin,
    role: 'admin',
    email: 'helene.leguevel@les-tilleuls.example',
    hash: 'admin',
  },
  {
    name: 'Benoît Maréchal',
    initials: 'BM',
    login: DEMO_LOGINS.facturation,
    role: 'facturation',
    email: 'benoit.marechal@les-tilleuls.example',
    hash: 'facturation',
  },
  // No email address: shows what a user who cannot send sees.
  {
    name: 'Solène Kerbrat',
    initials: 'SK',
    login: DEMO_LOGINS.accueil,
    role: 'accueil',
    email: null,
    hash: 'accueil',
  },
  {
    name: 'Anh Trần-Morvan',
    initials: 'ATM',
    login: DEMO_LOGINS.accueil2,
    role: 'accueil',
    email: 'anh.tran-morvan@les-tilleuls.example',
    hash: 'accueil',
  },
];
