// Demo content for a first start without real data: hashes the demo password, then fills the
// new file with a realistic association (see demo/generate.ts).
import type Database from 'better-sqlite3';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD, generateDemo } from './demo/generate';
import type { DemoFigures } from './demo/generate';

export { DEMO_ASSOCIATION_NAME, DEMO_LOGINS, DEMO_PASSWORD } from './demo/generate';

/**
 * Hashing is asynchronous and happens first; the writes that follow are synchronous, so no
 * transaction is held across an await (DESIGN rule 2).
 */
export async function seedDemo(db: Database.Database): Promise<DemoFigures> {
  const [admin, facturation, accueil] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    hashPassword(DEMO_PASSWORD),
    hashPassword(DEMO_PASSWORD),
  ]);
  return generateDemo(db, { passwordHashes: { admin, facturation, accueil } });
}
