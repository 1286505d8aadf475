// Possible duplicates: other residents whose name folds to the same key (accents, case,
// apostrophes and hyphens ignored). Flagged, never blocked: namesakes exist.
import type Database from 'better-sqlite3';
import type { Resident } from '../../shared/contract';
import { foldForSearch } from '../../shared/text';

export function findDuplicates(
  db: Database.Database,
  nom: string,
  prenom: string,
  exceptId: number | null,
): Resident['duplicates'] {
  return db
    .prepare(
      `SELECT r.id, r.prenom || ' ' || r.nom AS name, f.name AS facilityName
         FROM residents r JOIN facilities f ON f.id = r.facility_id
        WHERE r.search_key = ? AND r.id IS NOT ? AND r.archived_at IS NULL
        ORDER BY r.id LIMIT 10`,
    )
    .all(foldForSearch(`${nom} ${prenom}`), exceptId) as Resident['duplicates'];
}
