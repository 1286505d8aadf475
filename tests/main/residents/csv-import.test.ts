// CSV import of residents and contacts on a real SQLite file: decoding (UTF-8, BOM,
// Windows-1252), parsing, suggested mapping, cell values, and an import that writes every
// line or none.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { decodeCsv } from '../../../src/main/residents/csv/decode';
import { importResidents, previewImport } from '../../../src/main/residents/csv/import';
import { suggestMapping } from '../../../src/main/residents/csv/mapping';
import { parseCsv } from '../../../src/main/residents/csv/parse';
import { toBoolean, toCivilite, toGir, toIsoDate } from '../../../src/main/residents/csv/values';
import { PliError } from '../../../src/shared/contract';
import type { ImportMapping } from '../../../src/shared/contract/schemas/import';
import { tempDir } from '../../helpers';

const dir = tempDir();
const actor = { userId: null, userName: 'Claire Martin', workstation: 'ACCUEIL-1' };
let db: Database.Database;
let tilleuls: number;
let roses: number;
let fileNumber = 0;

beforeEach(() => {
  db = openDatabase(path.join(dir, `import-${++fileNumber}.sqlite`), {
    create: true,
    appliedBy: 'test',
  });
  const facility = db.prepare('INSERT INTO facilities (code, name) VALUES (?, ?)');
  tilleuls = Number(facility.run('TIL', 'EHPAD Les Tilleuls').lastInsertRowid);
  roses = Number(facility.run('ROS', 'Résidence Les Roses').lastInsertRowid);
  return () => db.close();
});

const count = (table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

const utf8 = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

/** The error a call throws, for assertions on its code and details. */
function failure(run: () => unknown): PliError {
  try {
    run();
  } catch (error) {
    if (error instanceof PliError) return error;
    throw error;
  }
  throw new Error('expected a PliError');
}

const header =
  'Etablissement;Civilité;NOM;Prénom;Date naissance;Chambre;Date entrée;GIR;Email;' +
  'Type payeur;Nom payeur;Prénom payeur;Mail famille;Tél famille;Adresse payeur;CP;Ville;Envoi facture famille;' +
  'Nom payeur 2;Mail famille 2;Facture famille 2';

function line(overrides: Partial<Record<string, string>> = {}): string {
  const values = {
    facility: 'TIL',
    civilite: 'Madame',
    nom: 'DUPRÉ',
    prenom: 'Hélène',
    naissance: '12/03/1934',
    chambre: '112',
    entree: '01/02/2024',
    gir: 'GIR 2',
    email: '',
    role: 'famille',
    nomPayeur: 'Dupré',
    prenomPayeur: 'Marc',
    mailFamille: 'marc.dupre@orange.fr',
    tel: '06 12 34 56 78',
    adresse: '"3 rue des Lilas; bât. B"',
    cp: '1000',
    ville: 'Bourg-en-Bresse',
    facture: 'oui',
    nom2: '',
    mail2: '',
    facture2: '',
    ...overrides,
  };
  return Object.values(values).join(';');
}

describe('decoding', () => {
  it('reads a Windows-1252 export with French accents, œ and the typographic apostrophe', () => {
    // "Nom;Prénom;Ville\r\nDUPRÉ;Hélène;Besançon\r\nLŒUVRE;Françoise;L’Haÿ\r\n" in Windows-1252.
    const bytes = Buffer.from([
      ...Buffer.from('Nom;Pr', 'latin1'),
      0xe9,
      ...Buffer.from('nom;Ville\r\nDUPR', 'latin1'),
      0xc9,
      ...Buffer.from(';H', 'latin1'),
      0xe9,
      ...Buffer.from('l', 'latin1'),
      0xe8,
      ...Buffer.from('ne;Besan', 'latin1'),
      0xe7,
      ...Buffer.from('on\r\nL', 'latin1'),
      0x8c,
      ...Buffer.from('UVRE;Fran', 'latin1'),
      0xe7,
      ...Buffer.from('oise;L', 'latin1'),
      0x92,
      ...Buffer.from('Ha', 'latin1'),
      0xff,
      0x0d,
      0x0a,
    ]);
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(
      'Nom;Prénom;Ville\r\nDUPRÉ;Hélène;Besançon\r\nLŒUVRE;Françoise;L’Haÿ\r\n',
    );
  });

  it('reads UTF-8 with a BOM, without the BOM in the first title', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8(['Nom;Prénom', 'Dupré;Zoé']),
    ]);
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(parseCsv(decoded.text).headers).toEqual(['Nom', 'Prénom']);
  });

  it('reads Excel’s “Texte Unicode” (UTF-16 with its BOM, tab separated)', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Nom\tPrénom\r\nDupré\tZoé\r\n', 'utf16le'),
    ]);
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    expect(parseCsv(decoded.text)).toMatchObject({
      delimiter: '\t',
      rows: [{ line: 2, cells: ['Dupré', 'Zoé'] }],
    });
  });
});

describe('parsing', () => {
  it('splits on ; with quoted fields holding ; quotes and line breaks, and numbers lines', () => {
    const table = parseCsv(
      'Nom;Adresse;Ville\r\n' +
        'Dupré;"3 rue des Lilas; bât. B";Lyon\r\n' +
        '\r\n' +
        'Martin;"Résidence ""Le Parc""\r\nappartement 4";Nice\r\n' +
        ';;\r\n' +
        'Petit;12 rue "Haute";Metz\r\n\r\n\r\n',
    );
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Nom', 'Adresse', 'Ville']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Dupré', '3 rue des Lilas; bât. B', 'Lyon'] },
      { line: 4, cells: ['Martin', 'Résidence "Le Parc"\nappartement 4', 'Nice'] },
      { line: 7, cells: ['Petit', '12 rue "Haute"', 'Metz'] },
    ]);
  });

  it('uses , or tab when the title line has no ;, and keeps short lines for the import to report', () => {
    expect(parseCsv('Nom,Prénom\nDupré,"Zoé, Marie"\nMartin\n')).toEqual({
      delimiter: ',',
      headers: ['Nom', 'Prénom'],
      rows: [
        { line: 2, cells: ['Dupré', 'Zoé, Marie'] },
        { line: 3, cells: ['Martin'] },
      ],
    });
    expect(parseCsv('Nom\tPrénom\nDupré\tZoé').delimiter).toBe('\t');
  });

  it('refuses an unclosed quote with the line where reading stopped', () => {
    const error = failure(() => parseCsv('Nom;Ville\nDupré;"Lyon\nMartin;Nice\n'));
    expect(error.code).toBe('IMPORT_UNREADABLE');
    expect(error.details?.[0]).toMatch(/guillemet.*ligne 3/);
  });
});

describe('suggested mapping', () => {
  it('recognises the titles other billing programs write', () => {
    const headers = [
      'N° résident',
      'Code établissement',
      'Civ.',
      'NOM',
      'Prénom',
      'Nom de naissance',
      'Né(e) le',
      'Ch.',
      'Date entrée',
      'Date de sortie',
      'GIR',
      'Langue',
      'Email',
      'Nom payeur',
      'Prénom payeur',
      'Lien de parenté',
      'Mail famille',
      'Tél. famille',
      'Adresse',
      'Adresse 2',
      'CP',
      'Ville',
      'Envoi facture famille',
      'Nom payeur',
      'Contact2 email',
      'Type de séjour',
      'Observations',
    ];
    expect(
      Object.fromEntries(headers.map((h, i) => [`${i} ${h}`, suggestMapping(headers)[i]])),
    ).toEqual({
      '0 N° résident': null,
      '1 Code établissement': 'facility',
      '2 Civ.': 'civilite',
      '3 NOM': 'nom',
      '4 Prénom': 'prenom',
      '5 Nom de naissance': null,
      '6 Né(e) le': 'dateNaissance',
      '7 Ch.': 'room',
      '8 Date entrée': 'admissionDate',
      '9 Date de sortie': 'dischargeDate',
      '10 GIR': 'gir',
      '11 Langue': 'language',
      '12 Email': 'email',
      '13 Nom payeur': 'contact1.nom',
      '14 Prénom payeur': 'contact1.prenom',
      '15 Lien de parenté': 'contact1.relationship',
      '16 Mail famille': 'contact1.email',
      '17 Tél. famille': 'contact1.phone',
      '18 Adresse': 'contact1.addressLine1',
      '19 Adresse 2': 'contact1.addressLine2',
      '20 CP': 'contact1.postalCode',
      '21 Ville': 'contact1.city',
      '22 Envoi facture famille': 'contact1.receivesInvoices',
      '23 Nom payeur': 'contact2.nom',
      '24 Contact2 email': 'contact2.email',
      '25 Type de séjour': null,
      '26 Observations': 'notes',
    });
  });

  it('uses each field once', () => {
    expect(suggestMapping(['Nom', 'NOM', 'Mail famille 2', 'Email famille 2'])).toEqual([
      'nom',
      null,
      'contact2.email',
      null,
    ]);
  });
});

describe('cell values', () => {
  it('reads French and ISO dates, and refuses impossible or two-digit-year dates', () => {
    expect(toIsoDate('05/03/2024')).toEqual({ ok: true, value: '2024-03-05' });
    expect(toIsoDate('5/3/2024')).toEqual({ ok: true, value: '2024-03-05' });
    expect(toIsoDate('05.03.2024')).toEqual({ ok: true, value: '2024-03-05' });
    expect(toIsoDate('29/02/2024 00:00:00')).toEqual({ ok: true, value: '2024-02-29' });
    expect(toIsoDate('2024-03-05')).toEqual({ ok: true, value: '2024-03-05' });
    expect(toIsoDate('')).toEqual({ ok: true, value: null });
    for (const bad of ['29/02/2023', '31/04/2024', '05/03/24', '2024-13-01', 'mars 2024']) {
      const result = toIsoDate(bad);
      expect(result.ok ? bad : result.message).toContain('JJ/MM/AAAA');
    }
  });

  it('reads GIR, civilité and yes/no the ways exports write them', () => {
    expect(['GIR 2', 'gir2', '2', ' Gir 6'.trim()].map((cell) => toGir(cell))).toEqual([
      { ok: true, value: 2 },
      { ok: true, value: 2 },
      { ok: true, value: 2 },
      { ok: true, value: 6 },
    ]);
    expect(toGir('7').ok).toBe(false);
    expect(
      ['Madame', 'Mme', 'MME.', 'Mlle', 'M.', 'M', 'Monsieur', 'Mr'].map((c) => toCivilite(c)),
    ).toEqual([...times(4, { ok: true, value: 'Mme' }), ...times(4, { ok: true, value: 'M.' })]);
    expect(toCivilite('Dr').ok).toBe(false);
    expect(['oui', 'OUI', '1', 'x', 'X'].map((c) => toBoolean(c))).toEqual(
      times(5, { ok: true, value: true }),
    );
    expect(['non', '0', ''].map((c) => toBoolean(c))).toEqual(times(3, { ok: true, value: false }));
    expect(toBoolean('peut-être').ok).toBe(false);
  });
});

describe('preview', () => {
  it('says the encoding and separator, shows the first 20 lines, suggests a mapping, flags namesakes', () => {
    db.prepare(
      `INSERT INTO residents (facility_id, civilite, nom, prenom, admission_date, search_key, created_at, updated_at)
       VALUES (?, 'Mme', 'Dupre', 'Helene', '2020-01-01', 'dupre helene', 'now', 'now')`,
    ).run(roses);
    const lines = Array.from({ length: 25 }, (_, i) =>
      line({ nom: i === 0 ? 'DUPRÉ' : `Nom${i}`, prenom: i === 0 ? 'Hélène' : 'Zoé' }),
    );
    lines.push(line({ nom: 'Nom3', prenom: 'zoe' }));
    const preview = previewImport(db, utf8([header, ...lines]));
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ';', totalRows: 26 });
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample[0]?.line).toBe(2);
    expect(preview.sample[0]?.cells).toContain('DUPRÉ');
    expect(preview.mapping.slice(0, 4)).toEqual(['facility', 'civilite', 'nom', 'prenom']);
    expect(preview.duplicates).toEqual([
      'Ligne 2 : DUPRÉ Hélène existe déjà dans Pli (Helene Dupre, Résidence Les Roses).',
      'Ligne 27 : Nom3 zoe figure déjà à la ligne 5 du fichier.',
    ]);
  });
});

describe('import', () => {
  const mappingFor = (headerLine: string): ImportMapping => suggestMapping(headerLine.split(';'));

  it('writes nothing and lists exactly the bad lines when 3 lines of 10 are wrong', () => {
    const lines = Array.from({ length: 10 }, (_, i) => line({ nom: `Résident${i}` }));
    lines[2] = line({ mailFamille: 'marc.dupre@orange' }); // file line 4
    lines[5] = line({ nom: '' }); // file line 7
    lines[9] = line({ entree: '31/02/2024', facility: 'XYZ' }); // file line 11
    const before = {
      residents: count('residents'),
      contacts: count('contacts'),
      audit: count('audit_log'),
    };
    const error = failure(() =>
      importResidents(db, actor, {
        bytes: utf8([header, ...lines]),
        mapping: mappingFor(header),
        defaultFacilityId: null,
      }),
    );
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toContain('rien n’a été importé');
    const lineNumbers = new Set(error.details?.map((d) => Number(/^Ligne (\d+) :/.exec(d)?.[1])));
    expect([...lineNumbers]).toEqual([4, 7, 11]);
    expect(error.details).toEqual([
      'Ligne 4 : E-mail du contact 1 — Adresse e-mail invalide : vérifiez l’orthographe (exemple : prenom.nom@orange.fr).',
      'Ligne 7 : Nom du résident — Saisissez le nom du résident.',
      expect.stringMatching(
        /^Ligne 11 : Établissement \(code ou nom\) — « XYZ » n’est pas un établissement de Pli \(codes connus : .*TIL/,
      ),
      expect.stringMatching(/^Ligne 11 : Date d’entrée — « 31\/02\/2024 » n’est pas une date/),
    ]);
    expect({
      residents: count('residents'),
      contacts: count('contacts'),
      audit: count('audit_log'),
    }).toEqual(before);
  });

  it('imports every resident and contact in one go, with an import audit row each', () => {
    const lines = [
      line(),
      line({
        facility: 'Résidence les Roses',
        civilite: 'M.',
        nom: 'LŒUVRE',
        prenom: 'Jean-Luc',
        gir: '4',
        nom2: 'Tutelles 01',
        mail2: 'mjpm@udaf01.fr',
        facture2: 'x',
      }),
      line({
        facility: '',
        nomPayeur: '',
        prenomPayeur: '',
        mailFamille: '',
        tel: '',
        adresse: '',
        cp: '',
        ville: '',
        facture: '',
        role: '',
        entree: '2023-11-15',
        naissance: '',
      }),
    ];
    const result = importResidents(db, actor, {
      bytes: utf8([header, ...lines]),
      mapping: mappingFor(header),
      defaultFacilityId: tilleuls,
    });
    expect(result).toEqual({ imported: 3, contacts: 3 });
    const residents = db
      .prepare(
        'SELECT facility_id, civilite, nom, prenom, date_naissance, room, admission_date, gir, search_key FROM residents ORDER BY id',
      )
      .all();
    expect(residents).toEqual([
      {
        facility_id: tilleuls,
        civilite: 'Mme',
        nom: 'DUPRÉ',
        prenom: 'Hélène',
        date_naissance: '1934-03-12',
        room: '112',
        admission_date: '2024-02-01',
        gir: 2,
        search_key: 'dupre helene',
      },
      {
        facility_id: roses,
        civilite: 'M.',
        nom: 'LŒUVRE',
        prenom: 'Jean-Luc',
        date_naissance: '1934-03-12',
        room: '112',
        admission_date: '2024-02-01',
        gir: 4,
        search_key: 'loeuvre jean luc',
      },
      {
        facility_id: tilleuls,
        civilite: 'Mme',
        nom: 'DUPRÉ',
        prenom: 'Hélène',
        date_naissance: null,
        room: '112',
        admission_date: '2023-11-15',
        gir: 2,
        search_key: 'dupre helene',
      },
    ]);
    const contacts = db
      .prepare(
        'SELECT role, nom, prenom, email, phone, address_line1, postal_code, city, receives_invoices, position FROM contacts ORDER BY id',
      )
      .all();
    expect(contacts).toEqual([
      {
        role: 'famille',
        nom: 'Dupré',
        prenom: 'Marc',
        email: 'marc.dupre@orange.fr',
        phone: '06 12 34 56 78',
        address_line1: '3 rue des Lilas; bât. B',
        postal_code: '01000',
        city: 'Bourg-en-Bresse',
        receives_invoices: 1,
        position: 0,
      },
      expect.objectContaining({ nom: 'Dupré', receives_invoices: 1, position: 0 }),
      expect.objectContaining({
        role: 'famille',
        nom: 'Tutelles 01',
        email: 'mjpm@udaf01.fr',
        receives_invoices: 1,
        position: 1,
      }),
    ]);
    const audit = db
      .prepare(
        "SELECT entity, action, user_name, workstation, version FROM audit_log WHERE action = 'import'",
      )
      .all();
    expect(audit).toEqual(
      times(3, {
        entity: 'resident',
        action: 'import',
        user_name: 'Claire Martin',
        workstation: 'ACCUEIL-1',
        version: 1,
      }),
    );
  });

  it('refuses a line with more than two invoice addresses, as the form does', () => {
    const lines = [
      line(),
      line({
        email: 'helene.dupre@free.fr',
        nom2: 'Dupré',
        mail2: 'luc.dupre@gmail.com',
        facture2: '1',
      }),
    ];
    const withResidentInvoices = `${header};Reçoit les factures`;
    const error = failure(() =>
      importResidents(db, actor, {
        bytes: utf8([withResidentInvoices, `${lines[0]};non`, `${lines[1]};oui`]),
        mapping: mappingFor(withResidentInvoices),
        defaultFacilityId: null,
      }),
    );
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details).toEqual([
      'Ligne 3 : Adresses qui reçoivent les factures — Deux adresses au plus peuvent recevoir les factures.',
    ]);
    expect(count('residents')).toBe(0);
  });

  it('reports short lines, unknown values and an empty établissement without a default', () => {
    const lines = [
      'TIL;Madame;Dupré',
      line({ civilite: 'Docteur', gir: 'GIR 9', role: 'voisin', facture: 'peut-être' }),
      line({ facility: '' }),
    ];
    const error = failure(() =>
      importResidents(db, actor, {
        bytes: utf8([header, ...lines]),
        mapping: mappingFor(header),
        defaultFacilityId: null,
      }),
    );
    expect(error.details).toEqual([
      expect.stringMatching(/^Ligne 2 : 3 colonnes au lieu de 21/),
      expect.stringMatching(/^Ligne 3 : Civilité du résident — « Docteur » n’est pas une civilité/),
      expect.stringMatching(/^Ligne 3 : GIR — « GIR 9 » n’est pas un GIR/),
      expect.stringMatching(/^Ligne 3 : Rôle du contact 1 .* — « voisin » n’est pas un rôle/),
      expect.stringMatching(/^Ligne 3 : Le contact 1 reçoit les factures — « peut-être »/),
      expect.stringMatching(/^Ligne 4 : Établissement \(code ou nom\) — vide/),
    ]);
  });

  it('reports an unreadable cell once, not again through the rules it feeds', () => {
    const titles = 'Etablissement;Civilité;Nom;Prénom;Date entrée;Date sortie';
    const error = failure(() =>
      importResidents(db, actor, {
        bytes: utf8([titles, 'TIL;Mme;Dupré;Zoé;31/02/2024;01/01/1999']),
        mapping: mappingFor(titles),
        defaultFacilityId: null,
      }),
    );
    expect(error.details).toEqual([
      expect.stringMatching(/^Ligne 2 : Date d’entrée — « 31\/02\/2024 » n’est pas une date/),
    ]);
  });

  it('says once what the mapping lacks instead of failing every line', () => {
    const error = failure(() =>
      importResidents(db, actor, {
        bytes: utf8([header, line()]),
        mapping: mappingFor(header).map((field) =>
          field === 'admissionDate' || field === 'facility' || field === 'contact2.nom'
            ? null
            : field,
        ),
        defaultFacilityId: null,
      }),
    );
    expect(error.code).toBe('IMPORT_MAPPING');
    expect(error.details).toEqual([
      '« Date d’entrée » : choisissez la colonne qui le contient.',
      '« Nom du contact 2 » : choisissez la colonne qui le contient.',
      '« Établissement » : choisissez la colonne qui le contient, ou un établissement par défaut.',
    ]);
  });
});
