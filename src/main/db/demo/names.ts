// Curated people's names for the demo: French (with accents, hyphens, particles, Breton names),
// families of other origins whose letters fall outside Latin-1, and the languages of foreign
// residents, so that every screen, search, email and PDF meets the names real files contain.
import type { Weighted } from './random';

/** A comma-separated list written as text, so that long lists stay compact and readable. */
export function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export interface NameGroup {
  families: readonly string[];
  /** First names of the residents' generation (born 1925–1950). */
  female: readonly string[];
  male: readonly string[];
  /** First names of their children and grandchildren; the older lists when absent. */
  youngFemale?: readonly string[];
  youngMale?: readonly string[];
}

const frenchOldFemale = list(`
  Jeanne, Marie, Germaine, Yvonne, Simone, Suzanne, Madeleine, Marguerite, Denise, Odette,
  Paulette, Raymonde, Lucienne, Andrée, Gisèle, Geneviève, Thérèse, Hélène, Colette,
  Jacqueline, Monique, Micheline, Ginette, Renée, Françoise, Éliane, Josette, Huguette,
  Annick, Anne-Marie, Marie-Thérèse, Marie-Louise, Marie-Josèphe, Jeanne-Marie, Solange,
  Bernadette, Léonie, Éléonore, Mathilde, Berthe, Noëlle, Maryvonne, Anne, Élise, Gilberte,
  Irène, Reine, Léa, Aimée, Cécile, Joséphine, Marie-Françoise, Eugénie
`);
const frenchOldMale = list(`
  Jean, Pierre, André, René, Marcel, Louis, Joseph, Roger, Robert, Henri, Georges, Paul,
  Maurice, Raymond, Lucien, Gérard, Bernard, Michel, Jacques, Claude, Yves, Hervé,
  Jean-Baptiste, Jean-Claude, Jean-Pierre, Pierre-Yves, Jean-Marie, Loïc, Émile, Étienne,
  Félix, Noël, Joël, Gaston, Léon, Fernand, Aimé, Armand, Célestin, Honoré, Francis, Guy,
  Alain, Gilbert, Théophile, Eugène, Désiré, Anatole, Jean-Louis, François, Rémi, Alphonse
`);
const frenchYoungFemale = list(`
  Sophie, Nathalie, Isabelle, Valérie, Sandrine, Céline, Stéphanie, Gaëlle, Maëlle, Anaïs,
  Chloé, Élodie, Émilie, Aurélie, Hélène, Cécile, Agnès, Béatrice, Véronique, Christelle,
  Nolwenn, Maïwenn, Soazig, Armelle, Anne-Sophie, Marie-Laure, Marie-Hélène, Claire-Marie,
  Françoise, Éléonore, Laëtitia, Noémie, Zoé, Clémence, Brigitte, Martine, Sylvie,
  Catherine, Dominique, Pascale, Karine, Morgane, Gwenaëlle, Léna, Mélanie, Ophélie
`);
const frenchYoungMale = list(`
  Christophe, Stéphane, Laurent, Frédéric, Olivier, Thierry, Éric, Sébastien, Nicolas,
  Julien, Jérôme, Benoît, Mickaël, Gwénaël, Yannick, Erwan, Ronan, Goulven, Tanguy, Loïc,
  Jean-Baptiste, Pierre-Yves, Jean-François, Marc-Antoine, François-Xavier, Grégoire,
  Hervé, Rémi, Anthony, Philippe, Patrick, Didier, Pascal, Bruno, Denis, Gaël, Maël,
  Killian, Noé, Timothée, Raphaël, Cédric
`);

export const french: NameGroup = {
  families: list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
  Laurent, Lefèvre, Michel, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André,
  Lefebvre, Mercier, Dupont, Lambert, Bonnet, François, Legrand, Garnier, Faure, Rousseau,
  Blanc, Guérin, Henry, Roussel, Perrin, Morin, Mathieu, Clément, Gauthier, Dumont,
  Fontaine, Chevalier, Robin, Masson, Gérard, Boyer, Denis, Lemaire, Duval, Joly, Roche,
  Noël, Meunier, Marchand, Dufour, Blanchard, Barbier, Brun, Dumas, Brunet, Leroux, Colin,
  Renard, Arnaud, Rolland, Caron, Aubert, Giraud, Leclerc, Bourgeois, Renaud, Lemoine,
  Picard, Gaillard, Lacroix, Dupuis, Hubert, Rivière, Guillaume, Moulin, Berger, Ménard,
  Fleury, Deschamps, Carpentier, Prévost, Poirier, Charpentier, Huet, Carré, Barré, Rémy,
  Hébert, Ménoret, Thébaud, Bréhier, Hémery, Sénéchal, Lécuyer, Pétillon, Géraud, Bénard,
  Chênevière, Lefébure, Desgrées, Lelièvre, Mérel, Gicquel, Pasquier, Gouëzec, Aumônier,
  Martin-Lebrun, Durand-Ménard, Pasquier-Guérin, Rousseau-Lévêque, Bellec-Hamon
`),
  female: frenchOldFemale,
  male: frenchOldMale,
  youngFemale: frenchYoungFemale,
  youngMale: frenchYoungMale,
};

const breton: NameGroup = {
  families: list(`
  Le Goff, Le Gall, Le Bihan, Le Roux, Le Floch, Le Guen, Le Corre, Le Bris, Le Moal,
  Le Meur, Le Du, Le Gac, Le Guennec, Le Berre, Le Duff, Tanguy, Kerbrat, Kergoat,
  Guivarc’h, Le Scouarnec, Quéméner, Jézéquel, Riou, Caradec, Cadiou, Morvan, Salaün,
  Le Hénaff, Guéguen, Cornec, Le Pennec, Kervella, Prigent, Bothorel, Gourvennec, Le Lay,
  Quéré, Péron, Jégou, Hélias, Kérouédan, Le Guével, Le Bihan-Cornec, Nédélec, Trémoureux,
  Le Béchec, Abgrall
`),
  female: [...frenchOldFemale, 'Soizic', 'Anna', 'Katell', 'Marie-Anne', 'Jeannine', 'Gwenola'],
  male: [...frenchOldMale, 'Yvon', 'Hervé', 'Corentin', 'Guénolé', 'Per', 'Jean-Yves'],
  youngFemale: frenchYoungFemale,
  youngMale: frenchYoungMale,
};

/** Names with a particle: tests and searches must handle "de La", "d’", "Du", "Le". */
export const particle: NameGroup = {
  families: list(`
  de La Fontaine, d’Arcy, Du Pont, de Kerguelen, de Lespinay, d’Aubigné, du Plessis,
  de La Villéon, de Kersauson, de Sévigné, d’Hauteville, de Saint-Aubin, Le Gouvello,
  de La Motte-Rouge, de Cadaran, Le Goff, du Bouëxic, d’Ornano
`),
  female: frenchOldFemale,
  male: frenchOldMale,
  youngFemale: frenchYoungFemale,
  youngMale: frenchYoungMale,
};

const portugueseFrench: NameGroup = {
  families: list(`Da Silva, Dos Santos, Ferreira, Pereira, Gonçalves, Rodrigues, Lopes`),
  female: list(`Maria, Rosa, Fernanda, Conceição, Lurdes, Amélia`),
  male: list(`Manuel, José, António, Joaquim, Fernando, Armando`),
  youngFemale: list(`Sandra, Patrícia, Sónia, Carla, Céline, Vanessa`),
  youngMale: list(`Nuno, Paulo, Rui, David, Frédéric, Ricardo`),
};

const maghrebFrench: NameGroup = {
  families: list(`Benali, Haddad, Belkacem, Aït-Ahmed, Bouzid, Mansouri, El Amrani`),
  female: list(`Fatima, Aïcha, Zohra, Khadija, Yamina, Fatima-Zahra`),
  male: list(`Mohamed, Ahmed, Abdelkader, Saïd, Larbi, Mustapha`),
  youngFemale: list(`Nadia, Samira, Leïla, Karima, Sonia, Inès`),
  youngMale: list(`Karim, Mehdi, Farid, Nordine, Rachid, Yacine`),
};

/** Origins whose letters are outside Latin-1 (ł, ş, ễ, Đ, ō…): PDFs and folding must cope. */
export const polish: NameGroup = {
  families: list(`Wróbel, Michałowski, Dąbrowski, Wałęsa, Żak, Szczęsny, Ślusarczyk`),
  female: list(`Małgorzata, Bożena, Jadwiga, Stanisława, Halina, Zofia`),
  male: list(`Łukasz, Grzegorz, Jarosław, Przemysław, Stanisław, Wojciech`),
  youngFemale: list(`Agnieszka, Małgorzata, Katarzyna, Anna, Élodie`),
  youngMale: list(`Łukasz, Grzegorz, Paweł, Tomasz, Julien`),
};

export const turkish: NameGroup = {
  families: list(`Şahin, Yıldız, Doğan, Öztürk, Çelik, Aydın, Kılıç`),
  female: list(`Ayşe, Gülşen, Şükran, Hatice, Emine, Fatma`),
  male: list(`Şükrü, Mustafa, Hüseyin, İsmail, Oğuz, Ahmet`),
  youngFemale: list(`Tuğba, Elif, Özlem, Derya, Sevgi`),
  youngMale: list(`Oğuzhan, Emre, Barış, Murat, Kévin`),
};

export const vietnamese: NameGroup = {
  families: list(`Nguyễn, Trần, Lê, Phạm, Đặng, Võ, Đỗ, Huỳnh`),
  female: list(`Thị Hoa, Thị Lan, Huệ, Hương, Thúy, Thị Mai`),
  male: list(`Văn Minh, Đức, Tuấn, Dũng, Văn Hải, Quốc`),
  youngFemale: list(`Linh, Hương, Christine, Thu Trang, Anh`),
  youngMale: list(`Minh, Đức Anh, Sébastien, Quang, Huy`),
};

const japanese: NameGroup = {
  families: list(`Ōno, Satō, Saitō, Itō, Katō`),
  female: list(`Yūko, Keiko, Sachiko, Kyōko`),
  male: list(`Kōji, Shōzō, Yūji, Tetsuo`),
  youngFemale: list(`Yūki, Hélène, Emi`),
  youngMale: list(`Shōta, Kenji, Alexandre`),
};

const czech: NameGroup = {
  families: list(`Dvořák, Čapek, Šimek, Novotná, Kučera`),
  female: list(`Jiřina, Věra, Libuše, Dagmar`),
  male: list(`Jiří, Bořivoj, Zdeněk, Václav`),
  youngFemale: list(`Petra, Lucie, Camille`),
  youngMale: list(`Tomáš, Ondřej, Julien`),
};

const balkan: NameGroup = {
  families: list(`Đorđević, Jovanović, Petrović, Kovačević, Marković`),
  female: list(`Dragana, Milena, Ljiljana, Desanka`),
  male: list(`Dušan, Miloš, Đorđe, Živko`),
  youngFemale: list(`Jelena, Ivana, Sandra`),
  youngMale: list(`Nikola, Stefan, Marko`),
};

const romanian: NameGroup = {
  families: list(`Stănescu, Ionescu, Bălan, Popescu, Țurcanu`),
  female: list(`Mihaela, Ștefania, Floarea, Rodica`),
  male: list(`Ștefan, Răzvan, Gheorghe, Ion`),
  youngFemale: list(`Ioana, Andreea, Élodie`),
  youngMale: list(`Mihai, Andrei, Adrien`),
};

/** French-speaking residents: mostly French and Breton names, a share of other origins. */
export const FRENCH_SPEAKING: Weighted<NameGroup> = [
  [french, 62],
  [breton, 17],
  [particle, 4],
  [portugueseFrench, 4],
  [maghrebFrench, 4],
  [polish, 3],
  [vietnamese, 2.5],
  [turkish, 1.5],
  [japanese, 0.5],
  [czech, 0.5],
  [balkan, 0.5],
  [romanian, 0.5],
];

export type Language = 'fr' | 'en' | 'de' | 'nl' | 'es' | 'it' | 'pt';

/** Residents who read their invoices in another language carry names of that language. */
export const BY_LANGUAGE: Record<Exclude<Language, 'fr'>, NameGroup> = {
  en: {
    families: list(`Smith, Taylor, O’Brien, Brown, Williams, Davies, Evans, McKenzie`),
    female: list(`Margaret, Dorothy, Joan, Elizabeth, Mary-Ann, Sheila`),
    male: list(`William, George, Arthur, Kenneth, Brian, Derek`),
    youngFemale: list(`Sarah, Emma, Claire, Rachel, Siobhan`),
    youngMale: list(`James, Andrew, Mark, Daniel, Liam`),
  },
  de: {
    families: list(`Müller, Schröder, Weiß, Fischer, Schäfer, Groß, Köhler, Vogel`),
    female: list(`Ursula, Gertrud, Hannelore, Brigitte, Erika, Hildegard`),
    male: list(`Heinz, Günter, Klaus, Jürgen, Karl-Heinz, Wolfgang`),
    youngFemale: list(`Sabine, Anja, Katrin, Jana, Maren`),
    youngMale: list(`Stefan, Jörg, Matthias, Sören, Lukas`),
  },
  nl: {
    families: list(`van den Berg, de Vries, Jansen, Bakker, van Dijk, de Jong, Visser`),
    female: list(`Johanna, Wilhelmina, Geertruida, Marijke, Anneke, Cornelia`),
    male: list(`Johannes, Cornelis, Hendrik, Pieter, Jan-Willem, Gerrit`),
    youngFemale: list(`Femke, Sanne, Ilse, Marloes, Eva`),
    youngMale: list(`Joost, Bas, Thijs, Sander, Ruben`),
  },
  es: {
    families: list(`García, Fernández, López, Martínez, Núñez, Muñoz, Sánchez, Ortiz`),
    female: list(`Carmen, Dolores, María José, Pilar, Mercedes, Concepción`),
    male: list(`José, Antonio, Manuel, Francisco, Juan Carlos, Ángel`),
    youngFemale: list(`Lucía, Marta, Cristina, Begoña, Nuria`),
    youngMale: list(`Javier, Sergio, Íñigo, Álvaro, Pablo`),
  },
  it: {
    families: list(`Rossi, Russo, Bianchi, Romano, Colombo, D’Angelo, Esposito, Ricci`),
    female: list(`Giuseppina, Maria Grazia, Anna, Rosa, Lucia, Concetta`),
    male: list(`Giuseppe, Giovanni, Antonio, Salvatore, Gian Luca, Niccolò`),
    youngFemale: list(`Francesca, Chiara, Giulia, Federica, Elena`),
    youngMale: list(`Marco, Luca, Andrea, Davide, Matteo`),
  },
  pt: {
    families: list(`Silva, Santos, Ferreira, Pereira, Gonçalves, Conceição, Magalhães`),
    female: list(`Maria da Conceição, Fernanda, Graça, Lurdes, Fátima, Aurora`),
    male: list(`João, José, Manuel, António, Joaquim, Sebastião`),
    youngFemale: list(`Inês, Joana, Sónia, Catarina, Beatriz`),
    youngMale: list(`Tiago, Rui, Gonçalo, Nuno, Luís`),
  },
};

export const LANGUAGES: Weighted<Language> = [
  ['fr', 90],
  ['en', 2.5],
  ['de', 1.5],
  ['nl', 1.5],
  ['es', 1.5],
  ['it', 1.5],
  ['pt', 1.5],
];

/** The family member's relation to the resident, feminine and masculine forms. */
export interface Relationship {
  female: string;
  male: string;
  /** How often a child, grandchild or sibling still carries the resident's family name. */
  sameName: number;
  /** Spouses and siblings are the resident's generation, not their children's. */
  sameGeneration: boolean;
}

export const RELATIONSHIPS: Weighted<Relationship> = [
  [{ female: 'fille', male: 'fils', sameName: 0.6, sameGeneration: false }, 58],
  [{ female: 'nièce', male: 'neveu', sameName: 0.3, sameGeneration: false }, 12],
  [{ female: 'petite-fille', male: 'petit-fils', sameName: 0.5, sameGeneration: false }, 13],
  [{ female: 'sœur', male: 'frère', sameName: 0.5, sameGeneration: true }, 9],
  [{ female: 'belle-fille', male: 'gendre', sameName: 0, sameGeneration: false }, 4],
];

/** Spouse of a resident of the given civilité: same family name, same generation. */
export const SPOUSE = { ofWoman: 'époux', ofMan: 'épouse' } as const;
