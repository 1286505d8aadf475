// Plans the demo's residents and their contacts in memory: who lives where and since when,
// who left during the period and who took their room, who pays and where invoices go.
import { foldForSearch } from '../../../shared/text';
import { isoOf } from './calendar';
import { FACILITIES } from './identity';
import type { Language, NameGroup } from './names';
import {
  BY_LANGUAGE,
  french,
  FRENCH_SPEAKING,
  LANGUAGES,
  particle,
  polish,
  RELATIONSHIPS,
  SPOUSE,
  turkish,
  vietnamese,
} from './names';
import {
  ABROAD,
  ADDRESS_COMPLEMENTS,
  FAMILY_DOMAINS,
  ORGANISATIONS,
  RESIDENT_NOTES,
  STREETS,
  TOWNS,
} from './places';
import type { Random, Weighted } from './random';

export type PaymentMethod = 'prelevement' | 'virement' | 'cheque';

export interface ContactPlan {
  role: 'famille' | 'tuteur' | 'mandataire';
  civilite: string;
  nom: string;
  prenom: string;
  relationship: string;
  email: string | null;
  phone: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  language: Language;
  receives: boolean;
}

export interface ResidentPlan {
  facility: number;
  civilite: 'M.' | 'Mme';
  nom: string;
  prenom: string;
  birth: string;
  room: string;
  /** First day present. */
  admission: number;
  /** First day no longer present (the day of departure is not billed), or null. */
  discharge: number | null;
  gir: number;
  language: Language;
  email: string | null;
  receives: boolean;
  notes: string;
  method: PaymentMethod;
  contacts: ContactPlan[];
}

const YEAR = 365;
/** Latin letters beyond Latin-1: Extended-A/B (ł, ş, ō, ř…) and Additional (ễ, ặ…). */
const NON_LATIN1 = /[\u0100-\u024f\u1e00-\u1eff]/;
const ACCENT = /[éèêëàâîïôöûüçÉÈ]/;
const GIR_EHPAD: Weighted<number> = [
  [1, 8],
  [2, 28],
  [3, 18],
  [4, 30],
  [5, 9],
  [6, 7],
];
const GIR_AUTONOMIE: Weighted<number> = [
  [4, 12],
  [5, 33],
  [6, 55],
];
const METHODS: Weighted<PaymentMethod> = [
  ['prelevement', 55],
  ['virement', 30],
  ['cheque', 15],
];

/** The first residents always show the hard cases, so even a 4-resident demo has them. */
type Showcase = 'particle' | 'hyphen' | 'nonLatin1' | 'accent';
const SHOWCASE: readonly Showcase[] = ['particle', 'hyphen', 'nonLatin1', 'accent'];

function slug(text: string, joiner: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/ +/g, joiner);
}

function emailFor(rng: Random, prenom: string, nom: string, domain: string): string {
  const f = slug(prenom, '-') || 'contact';
  const n = slug(nom, '') || 'famille';
  const local = rng.weighted<string>([
    [`${f}.${n}`, 45],
    [`${f.charAt(0)}.${n}`, 15],
    [`${n}.${f}`, 10],
    [`${f}${n}${rng.int(10, 99)}`, 15],
    [`${f}-${n}`, 10],
    [`${n}${rng.int(1950, 1995)}`, 5],
  ]);
  return `${local}@${domain}`;
}

function pickName(rng: Random, names: readonly string[], test?: RegExp): string {
  const matching = test ? names.filter((name) => test.test(name)) : names;
  return rng.pick(matching.length > 0 ? matching : names);
}

function frenchPhone(rng: Random): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, '0');
  const prefix = rng.weighted<string>([
    ['06', 55],
    ['07', 25],
    // Landlines of Pays de la Loire and Bretagne.
    ['02 40', 8],
    ['02 51', 5],
    ['02 97', 3],
    ['02 98', 2],
    ['02 99', 2],
  ]);
  const rest = prefix.length === 2 ? [pair(), pair(), pair(), pair()] : [pair(), pair(), pair()];
  return [prefix, ...rest].join(' ');
}

function frenchAddress(rng: Random) {
  const town = rng.pick(rng.weighted(TOWNS));
  const number = rng.int(1, 140);
  const suffix = rng.weighted<string>([
    ['', 92],
    [' bis', 6],
    [' ter', 2],
  ]);
  return {
    line1: `${number}${suffix} ${rng.pick(STREETS)}`,
    line2: rng.chance(0.15) ? rng.pick(ADDRESS_COMPLEMENTS) : '',
    postalCode: town.postalCode,
    city: town.city,
  };
}

function roomLabel(kind: string, index: number): string {
  if (kind === 'residence_autonomie') return `Logement ${index + 1}`;
  return `${1 + Math.floor(index / 30)}${String((index % 30) + 1).padStart(2, '0')}`;
}

function familyMember(
  rng: Random,
  resident: ResidentPlan,
  group: NameGroup,
  spouse: boolean,
  receives: boolean,
  taken: Set<string>,
): ContactPlan {
  const relation = rng.weighted(RELATIONSHIPS);
  const female = spouse ? resident.civilite === 'M.' : rng.chance(0.55);
  const sameGeneration = spouse || relation.sameGeneration;
  const relationship = spouse
    ? resident.civilite === 'M.'
      ? SPOUSE.ofMan
      : SPOUSE.ofWoman
    : female
      ? relation.female
      : relation.male;
  const nom = spouse || rng.chance(relation.sameName) ? resident.nom : rng.pick(group.families);
  const firstNames = female
    ? sameGeneration
      ? group.female
      : (group.youngFemale ?? group.female)
    : sameGeneration
      ? group.male
      : (group.youngMale ?? group.male);
  // Two children of the same family rarely share a first name.
  let prenom = rng.pick(firstNames);
  for (let tries = 0; tries < 5 && taken.has(prenom); tries++) prenom = rng.pick(firstNames);
  taken.add(prenom);
  const abroad = resident.language !== 'fr' && !spouse && rng.chance(0.7);
  const foreign = resident.language !== 'fr' ? rng.pick(ABROAD[resident.language]) : null;
  const address =
    abroad && foreign
      ? { line1: foreign.line1, line2: '', postalCode: foreign.postalCode, city: foreign.city }
      : frenchAddress(rng);
  const domain = abroad && foreign ? rng.pick(foreign.domains) : rng.weighted(FAMILY_DOMAINS);
  return {
    role: 'famille',
    civilite: female ? 'Mme' : 'M.',
    nom,
    prenom,
    relationship,
    // A few families have no email: their invoices go by post.
    email: rng.chance(0.06) ? null : emailFor(rng, prenom, nom, domain),
    phone:
      abroad && foreign
        ? `${foreign.phone}${String(rng.int(0, 9999)).padStart(4, '0')}`
        : frenchPhone(rng),
    ...address,
    country: abroad && foreign ? foreign.country : 'France',
    language: abroad || rng.chance(0.5) ? resident.language : 'fr',
    receives,
  };
}

function planContacts(rng: Random, resident: ResidentPlan, group: NameGroup): ContactPlan[] {
  const contacts: ContactPlan[] = [];
  const count = rng.weighted<number>([
    [1, 35],
    [2, 45],
    [3, 20],
  ]);
  // The schema allows two invoice addresses per resident, the resident's own included.
  let slots = resident.receives ? 1 : 2;
  if (rng.chance(0.08)) {
    // Under a protection measure the tutor or mandataire manages the money and gets invoices.
    const org = rng.pick(ORGANISATIONS);
    contacts.push({
      role: org.role,
      civilite: '',
      nom: org.nom,
      prenom: '',
      relationship: org.role === 'tuteur' ? 'tutelle' : 'curatelle renforcée',
      email: org.email,
      phone: org.phone,
      line1: org.line1,
      line2: '',
      postalCode: org.town.postalCode,
      city: org.town.city,
      country: 'France',
      language: 'fr',
      receives: true,
    });
    slots = 0;
    resident.method = 'virement';
  }
  let spouse = false;
  const taken = new Set([resident.prenom]);
  while (contacts.length < count) {
    const isSpouse: boolean = !spouse && rng.chance(0.08);
    spouse ||= isSpouse;
    const first = contacts.length === 0;
    const receives = slots > 0 && (first || rng.chance(0.3));
    if (receives) slots--;
    contacts.push(familyMember(rng, resident, group, isSpouse, receives, taken));
  }
  return contacts;
}

function residentGroup(rng: Random, language: Language, showcase?: Showcase): NameGroup {
  if (showcase === 'particle') return particle;
  if (showcase === 'nonLatin1') return rng.pick([polish, turkish, vietnamese]);
  if (showcase) return french;
  return language === 'fr' ? rng.weighted(FRENCH_SPEAKING) : BY_LANGUAGE[language];
}

export interface Period {
  /** First day of the first billed month. */
  start: number;
  /** First day after the last billed month. */
  end: number;
  /** Today's day number: nothing happens after it. */
  today: number;
}

function planResident(rng: Random, facility: number, index: number, period: Period) {
  const kind = FACILITIES[facility]?.kind ?? 'ehpad';
  const showcase = facility === 0 ? SHOWCASE[index] : undefined;
  const language = showcase ? 'fr' : rng.weighted(LANGUAGES);
  const group = residentGroup(rng, language, showcase);
  const female = rng.chance(0.72);
  const firstNames = female ? group.female : group.male;
  const prenom = pickName(
    rng,
    firstNames,
    showcase === 'hyphen' ? /-/ : showcase === 'accent' ? ACCENT : undefined,
  );
  const nom = pickName(
    rng,
    group.families,
    showcase === 'nonLatin1' ? NON_LATIN1 : showcase === 'accent' ? ACCENT : undefined,
  );
  const birthDay = period.today - rng.int(76 * YEAR, 100 * YEAR);
  const autonomie = kind === 'residence_autonomie';
  const email =
    autonomie && rng.chance(0.2) ? emailFor(rng, prenom, nom, rng.weighted(FAMILY_DOMAINS)) : null;
  const resident: ResidentPlan = {
    facility,
    civilite: female ? 'Mme' : 'M.',
    nom,
    prenom,
    birth: isoOf(birthDay),
    room: '',
    // Settled before the period; a departure may change it below.
    admission: Math.max(period.start - rng.int(30, 9 * YEAR), birthDay + 62 * YEAR),
    discharge: null,
    gir: rng.weighted(autonomie ? GIR_AUTONOMIE : GIR_EHPAD),
    language,
    email,
    receives: email !== null && rng.chance(0.8),
    notes: rng.chance(0.04) ? rng.pick(RESIDENT_NOTES) : '',
    method: rng.weighted(METHODS),
    contacts: [],
  };
  if (resident.admission >= period.start) resident.admission = period.start - rng.int(30, 400);
  resident.contacts = planContacts(rng, resident, group);
  return resident;
}

/**
 * Residents spread over the facilities (shares in FACILITIES); about 10 % leave during the
 * period and most of their rooms are taken by a newcomer a few days later. Sorted by
 * admission, so that ids follow the order in which residents arrived.
 */
export function planResidents(rng: Random, total: number, period: Period): ResidentPlan[] {
  const residents: ResidentPlan[] = [];
  let assigned = 0;
  FACILITIES.forEach((facility, f) => {
    const count =
      f === FACILITIES.length - 1 ? total - assigned : Math.round(total * facility.share);
    assigned += count;
    const successors = Math.round(count * 0.08);
    const departures = Math.max(successors, Math.round(count * 0.1));
    const rooms = count - successors;
    const occupants: ResidentPlan[] = [];
    for (let i = 0; i < count; i++) occupants.push(planResident(rng, f, i, period));
    const span = Math.max(2, period.end - period.start);
    const leaving = rng.shuffle(Array.from({ length: rooms }, (_, i) => i)).slice(0, departures);
    for (let i = 0; i < rooms; i++) {
      const occupant = occupants[i] as ResidentPlan;
      occupant.room = roomLabel(facility.kind, i);
    }
    leaving.forEach((room, j) => {
      const leaver = occupants[room] as ResidentPlan;
      const successor = j < successors ? occupants[rooms + j] : undefined;
      // Departures fall within the billed months, early enough for a successor to arrive.
      const latest = successor ? Math.max(1, span - 22) : span - 1;
      leaver.discharge = period.start + rng.int(1, latest);
      if (successor) {
        successor.room = leaver.room;
        successor.admission = Math.min(leaver.discharge + rng.int(2, 20), period.end - 1);
      }
    });
    residents.push(...occupants);
  });
  return residents.sort((a, b) => a.admission - b.admission);
}
