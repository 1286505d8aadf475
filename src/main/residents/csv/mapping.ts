// Suggests which Pli field each column of an imported file feeds, from its title as other
// billing programs and spreadsheets write it ("NOM", "Prénom", "Date entrée", "Mail famille",
// "Nom payeur 2"…). The user checks and corrects the suggestion before importing.
import {
  type ContactImportKey,
  type ImportField,
  type ImportMapping,
  type ResidentImportField,
} from '../../../shared/contract/schemas/import';
import { foldForSearch } from '../../../shared/text';

/** Words that say a column is about a payer contact rather than the resident. */
const contactWords = new Set([
  'famille',
  'payeur',
  'contact',
  'tuteur',
  'tutrice',
  'referent',
  'referente',
  'garant',
  'responsable',
  'tiers',
  'destinataire',
  'debiteur',
  'correspondant',
  'mandataire',
  'representant',
  'proche',
  'facturation',
]);

/** Words that carry no meaning in a title: "Date de naissance", "N° chambre", "Nom du résident". */
const fillerWords = new Set([
  'de',
  'du',
  'des',
  'd',
  'la',
  'le',
  'l',
  'n',
  'no',
  'num',
  'numero',
  'resident',
  'residente',
]);

type Rule<K> = [K, (words: Set<string>) => boolean];
const any =
  (...list: string[]) =>
  (words: Set<string>) =>
    list.some((word) => words.has(word));

const email = any('mail', 'email', 'courriel', 'mel');
const phone = any('tel', 'telephone', 'portable', 'mobile', 'gsm', 'fixe');
const address = any('adresse', 'rue', 'voie');
const secondAddressLine = (w: Set<string>) => w.has('complement') || (address(w) && w.has('2'));
const postalCode = (w: Set<string>) => w.has('cp') || w.has('postal');
const city = any('ville', 'commune', 'localite');
const relationship = any('lien', 'parente', 'relation');
const invoices = any('facture', 'factures', 'recoit');
const civilite = any('civilite', 'civ', 'titre');
const maidenName = (w: Set<string>) =>
  w.has('nom') && (w.has('naissance') || w.has('jeune') || w.has('fille'));

/** The first rule that matches a column's title words wins; order matters. */
const residentRules: Rule<ResidentImportField | null>[] = [
  [null, maidenName],
  ['facility', any('etablissement', 'etab', 'structure', 'residence', 'site', 'ehpad')],
  ['dateNaissance', any('naissance', 'ne', 'nee', 'ddn')],
  ['admissionDate', any('entree', 'admission', 'arrivee')],
  ['dischargeDate', any('sortie', 'depart', 'deces')],
  ['gir', any('gir')],
  ['room', any('chambre', 'ch', 'logement', 'appartement', 'appt', 'lit')],
  ['civilite', civilite],
  ['language', any('langue')],
  ['email', email],
  ['receivesInvoices', invoices],
  ['prenom', any('prenom', 'prenoms')],
  ['nom', any('nom', 'patronyme')],
  [
    'notes',
    any('note', 'notes', 'remarque', 'remarques', 'commentaire', 'commentaires', 'observations'),
  ],
];

/** Fields only a contact has: such a column is a contact's even without "famille" in it. */
const contactOnlyRules: Rule<ContactImportKey>[] = [
  ['phone', phone],
  ['addressLine2', secondAddressLine],
  ['addressLine1', address],
  ['postalCode', postalCode],
  ['city', city],
  ['relationship', relationship],
  ['role', any('role')],
];

/** Once the title names a contact, vaguer words are safe: "Type payeur", "Qualité famille". */
const contactRules: Rule<ContactImportKey>[] = [
  ...contactOnlyRules,
  ['role', any('type', 'statut')],
  ['relationship', any('qualite')],
  ['email', email],
  ['receivesInvoices', invoices],
  ['civilite', civilite],
  ['prenom', any('prenom', 'prenoms')],
  ['nom', (w) => w.has('nom') || w.size === 0],
];

interface Reading {
  contact: boolean;
  /** 2 when the title names the second contact ("Nom famille 2", "contact2 email"). */
  number: 1 | 2 | null;
  words: Set<string>;
}

function readTitle(title: string): Reading {
  const tokens = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, ' ')
    // The resident's surname, not the family's.
    .replace(/\bnom de famille\b/g, 'nom')
    // "contact2", "famille1": split the number from the word.
    .replace(/([a-z])([12])\b/g, '$1 $2')
    .split(' ')
    .filter((token) => token !== '' && !fillerWords.has(token));
  const contact = tokens.some((token) => contactWords.has(token));
  let number: 1 | 2 | null = null;
  const words = new Set<string>();
  tokens.forEach((token, i) => {
    if (contactWords.has(token)) return;
    // A digit right after "adresse" or "ligne" numbers the address line, not the contact.
    const afterAddress = i > 0 && ['adresse', 'ligne'].includes(tokens[i - 1] ?? '');
    if (contact && !afterAddress && (token === '1' || token === '2')) {
      number = token === '2' ? 2 : 1;
      return;
    }
    if (contact && ['bis', 'second', 'seconde', 'deuxieme'].includes(token)) {
      number = 2;
      return;
    }
    words.add(token);
  });
  return { contact, number, words };
}

function firstMatch<K>(rules: Rule<K>[], words: Set<string>): K | undefined {
  return rules.find(([, test]) => test(words))?.[0];
}

/** One suggestion per column, each field used once; null when the title says nothing known. */
export function suggestMapping(headers: string[]): ImportMapping {
  const taken = new Set<ImportField>();
  const claim = (field: ImportField): ImportField | null => {
    if (taken.has(field)) return null;
    taken.add(field);
    return field;
  };
  return headers.map((title) => {
    const { contact, number, words } = readTitle(title);
    const contactKey = contact
      ? firstMatch(contactRules, words)
      : firstMatch(contactOnlyRules, words);
    if (contactKey !== undefined) {
      if (number !== null) return claim(`contact${number}.${contactKey}`);
      // A second "Nom payeur" column is the second payer's.
      return claim(`contact1.${contactKey}`) ?? claim(`contact2.${contactKey}`);
    }
    if (contact) return null;
    const field = firstMatch(residentRules, words);
    return field ? claim(field) : null;
  });
}
