// Demo content for a first start without real data. Later migrations' domain data (facilities,
// residents, invoices) is added here as those tables arrive.
import type Database from 'better-sqlite3';

export const DEMO_ASSOCIATION_NAME = 'Association Les Tilleuls (démonstration)';

export function seedDemo(db: Database.Database): void {
  db.transaction(() => {
    db.prepare('UPDATE association SET name = ? WHERE id = 1').run(DEMO_ASSOCIATION_NAME);
  }).immediate();
}
