// `npm run demo -- --data-dir DIR [--residents N] [--months M] [--seed S] [--today YYYY-MM-DD]
// [--force]`: builds a demo pli.sqlite for trying Pli or measuring it on large files.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '../../auth/password';
import { openDatabase } from '../open';
import { DEMO_LOGINS, DEMO_PASSWORD, generateDemo } from './generate';
import type { DemoFigures } from './generate';

const USAGE =
  'Usage : npm run demo -- --data-dir DOSSIER [--residents N] [--months M] [--seed S] ' +
  '[--today AAAA-MM-JJ] [--force]';

class UsageError extends Error {}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} attend un nombre entier : « ${value} ».`);
  return Number(value);
}

const count = new Intl.NumberFormat('fr-FR');

function describe(figures: DemoFigures, seconds: number, bytes: number): string {
  const parts = [
    `${count.format(figures.facilities)} établissements`,
    `${count.format(figures.users)} utilisateurs`,
    `${count.format(figures.residents)} résidents`,
    `${count.format(figures.contacts)} contacts`,
    `${count.format(figures.tariffs)} tarifs`,
    `${count.format(figures.debours)} débours`,
    `${count.format(figures.absences)} hospitalisations en cours de mois`,
    `${count.format(figures.invoices)} factures (dont ${count.format(figures.creditNotes)} avoirs)`,
    `${count.format(figures.invoiceLines)} lignes de facture`,
    `${count.format(figures.payments)} paiements`,
  ];
  const size = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / 1e6);
  const time = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(seconds);
  return `Base de démonstration créée : ${parts.join(', ')} – ${time} s, ${size} Mo.`;
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        'data-dir': { type: 'string' },
        residents: { type: 'string' },
        months: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    // node:util explains in English: keep only the option it names, in a French sentence.
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    throw new UsageError(`Option inconnue, sans valeur ou en trop : ${option}`.trim());
  }
}

async function main(): Promise<void> {
  const { values } = parseOptions();
  const dir = values['data-dir'];
  if (!dir) throw new UsageError('Indiquez le dossier de la base avec --data-dir DOSSIER.');
  const file = path.resolve(dir, 'pli.sqlite');
  if (fs.existsSync(file)) {
    if (!values.force) {
      throw new UsageError(
        `Le fichier ${file} existe déjà. Ajoutez --force pour le remplacer par une base de démonstration.`,
      );
    }
    fs.rmSync(file);
    fs.rmSync(`${file}-journal`, { force: true });
  }
  const options = {
    residents: integer(values.residents, '--residents'),
    months: integer(values.months, '--months'),
    seed: integer(values.seed, '--seed'),
    today: values.today,
  };

  const started = performance.now();
  const [admin, facturation, accueil] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    hashPassword(DEMO_PASSWORD),
    hashPassword(DEMO_PASSWORD),
  ]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file, { create: true, appliedBy: 'démo' });
  let figures: DemoFigures;
  try {
    figures = generateDemo(db, { ...options, passwordHashes: { admin, facturation, accueil } });
    db.close();
  } catch (error) {
    // A half-filled file would pass for a demo: remove it.
    db.close();
    fs.rmSync(file, { force: true });
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(describe(figures, seconds, fs.statSync(file).size));
  console.log(`Fichier : ${file}`);
  console.log(
    `Connexion : identifiants ${Object.values(DEMO_LOGINS).join(', ')} – mot de passe « ${DEMO_PASSWORD} ».`,
  );
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`La base de démonstration n’a pas pu être créée : ${message}`);
    process.exitCode = 1;
  }
}
