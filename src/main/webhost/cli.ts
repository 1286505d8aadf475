// `npm start` without Electron's binary: open the data folder, start the web host on
// 127.0.0.1 and print the one line a person (or the e2e test) opens.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api';
import { issuedPdfFile } from '../billing/pdfs';
import { createAppContext, stopAppContext } from '../context';
import { resolveDataDir } from '../paths';
import { reminderPdfFile } from '../reminders/print';
import { createConfPrefs } from '../prefs/conf-store';
import { startWebHost } from './server';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PLI_PORT doit être un numéro de port entre 0 et 65535 (reçu : ${raw}).`);
  }
  return port;
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  const context = createAppContext({
    runtime: 'browser',
    dataDir,
    prefs: createConfPrefs(dataDir),
  });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const host = await startWebHost({
    handlers: createHandlers(context),
    events: context.events,
    rendererDir: path.resolve(here, '../renderer'),
    port: parsePort(process.env.PLI_PORT),
    log: (message, error) => console.error(`Pli: ${message}`, error),
    invoicePdf: (id, document) => {
      context.session.require();
      return issuedPdfFile(context.db.connection(), context.db.path, id, document);
    },
    reminderPdf: async (name) => {
      context.session.require();
      return reminderPdfFile(dataDir, name);
    },
  });
  console.log(`Pli: ${host.url}`);
  const stop = () => {
    // The queue finishes and records the message it is sending before the file closes.
    void host
      .close()
      .then(() => stopAppContext(context))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `Pli n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
