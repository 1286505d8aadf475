// Curated places and things for the demo: streets and towns of Loire-Atlantique and Bretagne,
// addresses abroad for foreign families, tutelle organisations, débours, and the email domains
// (all under the reserved .example TLD, so a demo can never mail a real person).
import type { Language } from './names';
import { list } from './names';
import type { Weighted } from './random';

export interface Town {
  postalCode: string;
  city: string;
}

const towns = (text: string): Town[] =>
  list(text).map((entry) => {
    const [postalCode = '', ...city] = entry.split(' ');
    return { postalCode, city: city.join(' ') };
  });

/** Where families live: Nantes and its suburbs most, then the coast and Bretagne. */
export const TOWNS: Weighted<Town[]> = [
  [towns('44000 Nantes, 44100 Nantes, 44200 Nantes, 44300 Nantes'), 30],
  [
    towns(`
      44400 Rezé, 44800 Saint-Herblain, 44700 Orvault, 44470 Carquefou, 44120 Vertou,
      44230 Saint-Sébastien-sur-Loire, 44240 La Chapelle-sur-Erdre, 44980 Sainte-Luce-sur-Loire,
      44340 Bouguenais, 44880 Sautron, 44860 Saint-Aignan-Grandlieu, 44115 Basse-Goulaine
    `),
    25,
  ],
  [
    towns(`
      44600 Saint-Nazaire, 44500 La Baule-Escoublac, 44350 Guérande, 44210 Pornic,
      44490 Le Croisic, 44380 Pornichet, 44260 Savenay, 44190 Clisson, 44150 Ancenis-Saint-Géréon,
      44110 Châteaubriant, 44130 Blain, 44160 Pontchâteau, 44250 Saint-Brevin-les-Pins
    `),
    25,
  ],
  [
    towns(`
      35000 Rennes, 35400 Saint-Malo, 56000 Vannes, 56100 Lorient, 29000 Quimper, 29200 Brest,
      29600 Morlaix, 22000 Saint-Brieuc, 22300 Lannion, 29100 Douarnenez, 29900 Concarneau,
      22100 Dinan, 35300 Fougères, 35500 Vitré, 35600 Redon, 56400 Auray, 56300 Pontivy,
      29300 Quimperlé, 56800 Ploërmel, 29800 Landerneau, 56340 Carnac, 29780 Plouhinec
    `),
    17,
  ],
  [towns('75011 Paris, 69003 Lyon, 49000 Angers, 33000 Bordeaux, 85000 La Roche-sur-Yon'), 3],
];

export const STREETS = list(`
  rue de la Paix, rue Jean-Jaurès, avenue du Général-de-Gaulle, boulevard de la Liberté,
  impasse des Mouettes, allée des Hortensias, rue du Port, chemin de Kerbastard, rue de Ker Anna,
  place Saint-Similien, quai de la Fosse, rue de l’Église, route de Vannes, rue des Goélands,
  venelle des Korrigans, rue Anne-de-Bretagne, boulevard des Océanides, rue du Maréchal-Leclerc,
  rue Paul-Bellamy, rue Racine, allée Duguay-Trouin, rue des Genêts, rue de la Duchesse-Anne,
  avenue des Pins, rue du Calvaire, chemin des Ajoncs, rue Saint-Exupéry, rue des Écoles,
  rue de Bel-Air, impasse du Lavoir, rue Aristide-Briand, rue des Lilas, rue de la Mairie,
  rue du Stade, allée des Chênes, rue de Bretagne, rue du Château-d’Eau, rue des Hirondelles,
  avenue de la Gare, rue Victor-Hugo, rue de la Poste, place du Bouffay, rue Kervégan,
  rue des Rochers, chemin du Moulin, rue de Coëtquen, rue Théodore-Botrel, rue de Lanveur
`);

export const ADDRESS_COMPLEMENTS = list(`
  Résidence Les Embruns bât. B, Appartement 12, Lieu-dit Kerhervé, Résidence du Parc esc. 2,
  Le Clos Fleuri, Appartement 204, Lieu-dit La Ville-Haute, BP 12, Villa Ker Maria
`);

export interface ForeignAddress {
  country: string;
  line1: string;
  postalCode: string;
  city: string;
  phone: string;
  domains: readonly string[];
}

export const ABROAD: Record<Exclude<Language, 'fr'>, readonly ForeignAddress[]> = {
  en: [
    {
      country: 'Royaume-Uni',
      line1: '12 Park Street',
      postalCode: 'BS1 5HX',
      city: 'Bristol',
      phone: '+44 7700 900',
      domains: ['btinternet.example', 'gmail.example'],
    },
    {
      country: 'Irlande',
      line1: '4 Mespil Road',
      postalCode: 'D04 E5W2',
      city: 'Dublin',
      phone: '+353 85 555',
      domains: ['eircom.example'],
    },
  ],
  de: [
    {
      country: 'Allemagne',
      line1: 'Hohe Straße 41',
      postalCode: '50667',
      city: 'Köln',
      phone: '+49 151 2345',
      domains: ['web.example', 'gmx.example'],
    },
    {
      country: 'Allemagne',
      line1: 'Schillerstraße 7',
      postalCode: '80336',
      city: 'München',
      phone: '+49 170 5550',
      domains: ['t-online.example'],
    },
  ],
  nl: [
    {
      country: 'Pays-Bas',
      line1: 'Oudegracht 112',
      postalCode: '3511 AX',
      city: 'Utrecht',
      phone: '+31 6 5555',
      domains: ['ziggo.example', 'kpnmail.example'],
    },
    {
      country: 'Belgique',
      line1: 'Meir 24',
      postalCode: '2000',
      city: 'Antwerpen',
      phone: '+32 470 555',
      domains: ['telenet.example'],
    },
  ],
  es: [
    {
      country: 'Espagne',
      line1: 'Calle Ercilla 24',
      postalCode: '48011',
      city: 'Bilbao',
      phone: '+34 655 555',
      domains: ['telefonica.example', 'gmail.example'],
    },
  ],
  it: [
    {
      country: 'Italie',
      line1: 'Via Roma 58',
      postalCode: '10121',
      city: 'Torino',
      phone: '+39 347 555',
      domains: ['libero.example', 'tiscali.example'],
    },
  ],
  pt: [
    {
      country: 'Portugal',
      line1: 'Rua de Santa Catarina 150',
      postalCode: '4000-442',
      city: 'Porto',
      phone: '+351 912 555',
      domains: ['sapo.example'],
    },
  ],
};

/** Families' mailboxes: the providers French families use, on the reserved .example TLD. */
export const FAMILY_DOMAINS: Weighted<string> = [
  ['orange.example', 24],
  ['wanadoo.example', 8],
  ['free.example', 12],
  ['sfr.example', 8],
  ['neuf.example', 3],
  ['laposte.example', 7],
  ['gmail.example', 22],
  ['hotmail.example', 7],
  ['outlook.example', 5],
  ['yahoo.example', 3],
  ['bbox.example', 3],
];

export interface Organisation {
  role: 'tuteur' | 'mandataire';
  nom: string;
  line1: string;
  town: Town;
  phone: string;
  email: string;
}

/** Tutelle services and private mandataires judiciaires à la protection des majeurs. */
export const ORGANISATIONS: readonly Organisation[] = [
  {
    role: 'tuteur',
    nom: 'UDAF de Loire-Atlantique – service des majeurs protégés',
    line1: '1 rue de la Ricotière',
    town: { postalCode: '44000', city: 'Nantes' },
    phone: '02 51 80 30 00',
    email: 'mjpm.nantes@udaf44.example',
  },
  {
    role: 'mandataire',
    nom: 'UDAF de Loire-Atlantique – antenne de Saint-Nazaire',
    line1: '8 rue de la Paix',
    town: { postalCode: '44600', city: 'Saint-Nazaire' },
    phone: '02 40 22 41 00',
    email: 'mjpm.saintnazaire@udaf44.example',
  },
  {
    role: 'tuteur',
    nom: 'UDAF d’Ille-et-Vilaine',
    line1: '1 rue du Bignon',
    town: { postalCode: '35000', city: 'Rennes' },
    phone: '02 23 48 25 00',
    email: 'protection.majeurs@udaf35.example',
  },
  {
    role: 'mandataire',
    nom: 'UDAF du Morbihan',
    line1: '47 rue Ferdinand-Le-Dressay',
    town: { postalCode: '56000', city: 'Vannes' },
    phone: '02 97 54 79 00',
    email: 'mjpm@udaf56.example',
  },
  {
    role: 'tuteur',
    nom: 'ATMP de Loire-Atlantique',
    line1: '14 boulevard Guist’hau',
    town: { postalCode: '44000', city: 'Nantes' },
    phone: '02 40 35 63 00',
    email: 'gestion.comptes@atmp44.example',
  },
  {
    role: 'mandataire',
    nom: 'ATMP du Finistère',
    line1: '22 rue de Kerfeunteun',
    town: { postalCode: '29000', city: 'Quimper' },
    phone: '02 98 95 11 00',
    email: 'mandataires@atmp29.example',
  },
  {
    role: 'mandataire',
    nom: 'Cabinet Le Bras – mandataire judiciaire',
    line1: '3 place Graslin',
    town: { postalCode: '44000', city: 'Nantes' },
    phone: '02 40 48 12 00',
    email: 'c.lebras@mjpm-lebras.example',
  },
  {
    role: 'mandataire',
    nom: 'Mme Hélène Quéré – mandataire judiciaire',
    line1: '9 rue du Port',
    town: { postalCode: '44350', city: 'Guérande' },
    phone: '02 40 24 90 00',
    email: 'contact@quere-mjpm.example',
  },
];

export interface DeboursKind {
  label: string;
  min: number;
  max: number;
}

/** Costs the facility pays for the resident and passes on at cost; amounts in cents. */
export const DEBOURS: Weighted<DeboursKind> = [
  [{ label: 'Coiffure', min: 1800, max: 4500 }, 26],
  [{ label: 'Pédicure', min: 2800, max: 4200 }, 12],
  [{ label: 'Pharmacie non remboursée', min: 290, max: 4800 }, 18],
  [{ label: 'Pressing', min: 750, max: 2600 }, 8],
  [{ label: 'Téléphone – abonnement mensuel', min: 900, max: 1500 }, 9],
  [{ label: 'Sortie au restaurant', min: 1500, max: 3200 }, 5],
  [{ label: 'Sortie culturelle (cinéma, concert)', min: 800, max: 2500 }, 4],
  [{ label: 'Esthéticienne', min: 1500, max: 3500 }, 5],
  [{ label: 'Marquage du linge', min: 600, max: 1800 }, 3],
  [{ label: 'Repas accompagnant', min: 1050, max: 1650 }, 6],
  [{ label: 'Abonnement Ouest-France', min: 2990, max: 3390 }, 3],
  [{ label: 'Transport non pris en charge (taxi)', min: 1800, max: 6500 }, 2],
  [{ label: 'Petites fournitures (piles, hygiène)', min: 250, max: 1900 }, 6],
];

export const RESIDENT_NOTES = list(`
  Envoyer aussi une copie papier de la facture à la famille,
  Aide sociale à l’hébergement demandée – dossier en cours au Département,
  Paiement par la fille (procuration bancaire),
  APA versée directement à l’établissement,
  Relevé de débours à joindre à chaque envoi
`);
