// CSV import through the web host on a real loopback port: a file larger than the host's old
// 1 MB body limit goes through, a signed-out caller is refused, bad lines come back as
// IMPORT_INVALID details, and the change reaches the audit log under the signed-in user.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { startWebHost, type WebHost } from '../../../src/main/webhost/server';
import { tempDir } from '../../helpers';

const dataDir = tempDir();
const rendererDir = tempDir();
let context: AppContext;
let host: WebHost;

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; details?: string[] } };
}

function post(channel: string, input: unknown): Promise<Reply> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'X-Pli-Token': host.token,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const titles = 'Etablissement;Civilité;Nom;Prénom;Date entrée;Nom famille;Mail famille;Historique';
/** A file past 1 MB: an unimported column of history, as old programs export. */
function bigFile(lines: string[]): string {
  const history = 'x'.repeat(30_000);
  return Buffer.from(
    [titles, ...lines.map((line) => `${line};${history}`)].join('\r\n'),
    'utf8',
  ).toString('base64');
}
const mapping = [
  'facility',
  'civilite',
  'nom',
  'prenom',
  'admissionDate',
  'contact1.nom',
  'contact1.email',
  null,
];

beforeAll(async () => {
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  host = await startWebHost({
    handlers: createHandlers(context),
    events: context.events,
    rendererDir,
    port: 0,
  });
  await context.db.create('empty');
  context.db
    .connection()
    .prepare("INSERT INTO facilities (code, name) VALUES ('TIL', 'EHPAD Les Tilleuls')")
    .run();
});

afterAll(async () => {
  await host.close();
  closeAppContext(context);
});

describe('CSV import over the web host', () => {
  const lines = Array.from(
    { length: 50 },
    (_, i) => `TIL;Mme;Résident${i};Zoé;01/02/2024;Famille${i};famille${i}@orange.fr`,
  );

  it('refuses a caller who is not signed in', async () => {
    const reply = await post('residents:importPreview', { contentBase64: bigFile(lines) });
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });

  it('previews and imports a file larger than 1 MB, audited under the signed-in user', async () => {
    const setup = await post('auth:setup', {
      name: 'Claire Martin',
      initials: 'CM',
      login: 'claire',
      password: 'motdepasse-solide',
      email: null,
    });
    expect(setup.body.ok).toBe(true);
    const content = bigFile(lines);
    expect(content.length).toBeGreaterThan(1024 * 1024);

    const preview = await post('residents:importPreview', { contentBase64: content });
    expect(preview.status).toBe(200);
    expect(preview.body.value).toMatchObject({ encoding: 'utf-8', totalRows: 50, mapping });

    const imported = await post('residents:import', {
      contentBase64: content,
      mapping,
      defaultFacilityId: null,
    });
    expect(imported.body).toEqual({ ok: true, value: { imported: 50, contacts: 50 } });
    const audit = context.db
      .connection()
      .prepare("SELECT count(*) AS n, min(user_name) AS who FROM audit_log WHERE action = 'import'")
      .get();
    expect(audit).toEqual({ n: 50, who: 'Claire Martin' });
  });

  it('answers bad lines with IMPORT_INVALID and their details, and writes nothing', async () => {
    const before = context.db.connection().prepare('SELECT count(*) AS n FROM residents').get();
    const bad = [...lines];
    bad[3] = 'TIL;Mme;;Zoé;01/02/2024;;';
    const reply = await post('residents:import', {
      contentBase64: bigFile(bad),
      mapping,
      defaultFacilityId: null,
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'IMPORT_INVALID',
      details: ['Ligne 5 : Nom du résident — Saisissez le nom du résident.'],
    });
    expect(context.db.connection().prepare('SELECT count(*) AS n FROM residents').get()).toEqual(
      before,
    );
  });

  it('refuses a file over 10 MB with a French reason', async () => {
    const reply = await post('residents:importPreview', {
      contentBase64: 'A'.repeat(14 * 1024 * 1024),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.details).toEqual([
      expect.stringContaining('Le fichier dépasse 10 Mo'),
    ]);
  });
});
