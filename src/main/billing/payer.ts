// Who an invoice is addressed to: the first contact that receives invoices (famille, tuteur,
// mandataire, in the order of the record), else the resident at the facility's address. The
// result is copied onto the invoice when it is issued, so a later change of address never
// rewrites an issued invoice.
import type Database from 'better-sqlite3';

export interface Payer {
  name: string;
  addressLines: string[];
}

interface Row {
  resident_id: number;
  r_civilite: string;
  r_nom: string;
  r_prenom: string;
  room: string;
  c_civilite: string | null;
  c_nom: string | null;
  c_prenom: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  f_name: string;
  f_line1: string;
  f_line2: string;
  f_postal: string;
  f_city: string;
}

const SQL = `
  SELECT r.id AS resident_id, r.civilite AS r_civilite, r.nom AS r_nom, r.prenom AS r_prenom,
         r.room, c.civilite AS c_civilite, c.nom AS c_nom, c.prenom AS c_prenom,
         c.address_line1, c.address_line2, c.postal_code, c.city, c.country,
         f.name AS f_name, f.address_line1 AS f_line1, f.address_line2 AS f_line2,
         f.postal_code AS f_postal, f.city AS f_city
  FROM residents r
  JOIN facilities f ON f.id = r.facility_id
  LEFT JOIN contacts c ON c.id = (
    SELECT id FROM contacts WHERE resident_id = r.id AND receives_invoices = 1
    ORDER BY position, id LIMIT 1)`;

function person(...parts: (string | null)[]): string {
  return parts
    .map((p) => p?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

function payerOf(row: Row): Payer {
  if (row.c_nom !== null) {
    // La Poste: the country line only for mail leaving France.
    const country = row.country?.trim() ?? '';
    const abroad = country !== '' && !/^france$/i.test(country);
    return {
      name: person(row.c_civilite, row.c_prenom, row.c_nom.toUpperCase()),
      addressLines: [
        row.address_line1 ?? '',
        row.address_line2 ?? '',
        person(row.postal_code, row.city?.toUpperCase() ?? null),
        abroad ? country.toUpperCase() : '',
      ].filter((line) => line.trim() !== ''),
    };
  }
  return {
    name: person(row.r_civilite, row.r_prenom, row.r_nom.toUpperCase()),
    addressLines: [
      row.f_name,
      row.room ? `Chambre ${row.room}` : '',
      row.f_line1,
      row.f_line2,
      person(row.f_postal, row.f_city.toUpperCase()),
    ].filter((line) => line.trim() !== ''),
  };
}

/** The payer of each resident of a facility (or of the given residents). */
export function loadPayers(
  db: Database.Database,
  filter: { facilityId: number } | { residentIds: readonly number[] },
): Map<number, Payer> {
  const rows =
    'facilityId' in filter
      ? (db.prepare(`${SQL} WHERE r.facility_id = ?`).all(filter.facilityId) as Row[])
      : (db
          .prepare(`${SQL} WHERE r.id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(filter.residentIds)) as Row[]);
  return new Map(rows.map((row) => [row.resident_id, payerOf(row)]));
}
