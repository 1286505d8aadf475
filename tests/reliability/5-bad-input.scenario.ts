// Scenario 5: a corpus of bad input through the contract (dispatch: the real handlers behind
// their zod schemas) on a real demo file with a real smtp-server on 127.0.0.1. Each input gets a
// typed French error (a stable code and its message); the server receives nothing; nothing in
// the file changes (messages, batches, residents, templates, settings, audit log); and after
// three unusable database files (garbage, truncated, from a newer Pli) the real file opens
// again with everything in it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api';
import { errorMessages, type ErrorCode, type Presend } from '../../src/shared/contract';
import { mailApp, SMTP_PASSWORD } from '../fixtures/mail-app';
import { codeSummary, keep, record, transcript } from './record';

const app = mailApp('pli-bad-input-');
const { ok, count } = app;
const CRLF = '\r\nBcc: tout-le-monde@pirate.example';
const TABLES = ['mail_messages', 'mail_batches', 'residents', 'contacts', 'audit_log', 'debours'];
let ready: Presend['ready'];
let period: string;

beforeAll(async () => {
  // The administrator: the one who may change the association's sender settings too.
  await app.signIn('admin');
  ({ period, ready } = await app.presend());
});

const send = (extra: object) => ({
  facilityId: 1,
  period,
  invoiceIds: [ready[0]!.invoiceId],
  requestReceipt: false,
  throttle: { intervalMs: 0, pauseEvery: 0, pauseMs: 0 },
  password: { value: SMTP_PASSWORD, remember: false },
  ...extra,
});

interface Case {
  name: string;
  channel: string;
  input: () => unknown;
  expected: ErrorCode;
}

async function residentWith(change: (r: Record<string, unknown>) => Record<string, unknown>) {
  const id = ready[0]!.residentId;
  const {
    id: _i,
    version,
    archivedAt: _a,
    lastChange: _l,
    duplicates: _d,
    ...fields
  } = await ok<Record<string, unknown>>('residents:get', { id });
  return { id, version, resident: change(fields) };
}

const cases: Case[] = [
  {
    name: 'adresse mal écrite',
    channel: 'mail:send',
    input: () => send({ to: ['pas-une-adresse'] }),
    expected: 'MAIL_ADDRESS_INVALID',
  },
  {
    name: 'adresse avec CR/LF',
    channel: 'mail:send',
    input: () => send({ to: [`famille@orange.example${CRLF}`] }),
    expected: 'MAIL_HEADER_UNSAFE',
  },
  {
    name: 'objet avec CR/LF',
    channel: 'mail:send',
    input: () => send({ message: { subject: `Votre facture${CRLF}`, body: 'Bonjour' } }),
    expected: 'INVALID_INPUT',
  },
  {
    name: 'nom de contact avec CR/LF',
    channel: 'residents:save',
    input: () =>
      residentWith((r) => {
        const [first, ...others] = r.contacts as { nom: string }[];
        expect(first).toBeDefined();
        return { ...r, contacts: [{ ...first, nom: `Martin${CRLF}` }, ...others] };
      }),
    expected: 'INVALID_INPUT',
  },
  {
    name: 'nom de résident avec CR/LF',
    channel: 'residents:save',
    input: () => residentWith((r) => ({ ...r, nom: `Lefèvre${CRLF}` })),
    expected: 'INVALID_INPUT',
  },
  {
    name: 'nom d’expéditeur et adresse de réponse avec CR/LF',
    channel: 'mailsettings:save',
    input: async () => {
      const current = await ok<{ version: number | null; settings: Record<string, unknown> }>(
        'mailsettings:get',
        {},
      );
      return {
        version: current.version,
        settings: {
          ...current.settings,
          associationName: `Association${CRLF}`,
          replyTo: `compta@asso.example${CRLF}`,
        },
      };
    },
    expected: 'INVALID_INPUT',
  },
  {
    name: 'nom de pièce jointe avec CR/LF',
    channel: 'mail:attach',
    input: () => ({
      name: `Relevé${CRLF}.pdf`,
      contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    }),
    expected: 'MAIL_HEADER_UNSAFE',
  },
  {
    name: 'champ de modèle inconnu',
    channel: 'templates:save',
    input: () => ({
      facilityId: 1,
      docType: 'facture',
      language: 'fr',
      version: null,
      subject: 'Facture {{numero_factur}}',
      body: 'Bonjour {{champ_inconnu}},',
    }),
    expected: 'TEMPLATE_UNKNOWN_FIELD',
  },
  {
    name: 'pièce jointe trop grosse',
    channel: 'mail:attach',
    input: () => ({
      name: 'Scan.pdf',
      contentBase64: Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(10.5 * 2 ** 20),
      ]).toString('base64'),
    }),
    expected: 'MAIL_ATTACHMENT_TOO_LARGE',
  },
  {
    name: 'pièce jointe introuvable',
    channel: 'mail:send',
    input: () => send({ attachmentRefs: [`${'0'.repeat(64)}-Relevé.pdf`] }),
    expected: 'MAIL_ATTACHMENT_UNREADABLE',
  },
];

/** The table's row for refusals only: nothing was to go, so nothing delivered, doubled or lost. */
function recordRefusals(scenario: string, runs: number, shown: string[]) {
  record({
    scenario,
    runs,
    messages: 0,
    delivered: 0,
    duplicates: 0,
    sameMessageId: null,
    lost: 0,
    errors: codeSummary(shown),
  });
}

function snapshot() {
  return Object.fromEntries(TABLES.map((t) => [t, count(t)]));
}

it('answers each bad input with a typed French error, sends nothing wrong, loses nothing', async () => {
  const before = snapshot();
  const shown: string[] = [];
  const outcomes: string[] = [];
  for (const c of cases) {
    const answer = await dispatch(app.handlers, c.channel, await c.input());
    transcript('bad-input', JSON.stringify(answer));
    const code = answer.ok ? 'ok' : answer.error.code;
    outcomes.push(`${c.name}: ${code}`);
    if (!answer.ok) {
      shown.push(answer.error.code);
      expect(answer.error.message, c.name).toBe(errorMessages[answer.error.code]);
    }
  }
  expect(outcomes).toEqual(cases.map((c) => `${c.name}: ${c.expected}`));
  expect(snapshot()).toEqual(before);
  expect(app.server.received).toHaveLength(0);
  recordRefusals(`5. entrées invalides (${cases.length} cas)`, cases.length, shown);
});

it('refuses a garbage, a truncated and a newer database file, then opens the real one intact', async () => {
  const real = app.context.db.path;
  const before = snapshot();
  const dir = path.join(app.dataDir, 'autres');
  fs.mkdirSync(dir);
  const garbage = path.join(dir, 'abime.sqlite');
  fs.writeFileSync(garbage, Buffer.alloc(64 * 1024, 0x5a));
  const truncated = path.join(dir, 'tronque.sqlite');
  const bytes = fs.readFileSync(real);
  fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
  const newer = path.join(dir, 'plus-recente.sqlite');
  fs.copyFileSync(real, newer);
  const copy = new Database(newer);
  copy.pragma('user_version = 999');
  copy.close();

  const shown: string[] = [];
  for (const [file, expected] of [
    [garbage, 'DB_NOT_PLI'],
    [truncated, 'DB_CORRUPT'],
    [newer, 'DB_NEWER_VERSION'],
  ] as const) {
    const status = await ok<{ state: string; error?: { code: string; message: string } }>(
      'db:open',
      { path: file },
    );
    transcript('bad-input', JSON.stringify(status));
    expect(status, file).toMatchObject({ state: 'error', error: { code: expected } });
    expect(status.error?.message).toBe(errorMessages[expected]);
    shown.push(status.error!.code);
  }
  expect(await ok('db:open', { path: real })).toMatchObject({ state: 'open' });
  expect(snapshot()).toEqual(before);
  keep('bad-input', app.dataDir);
  recordRefusals('5. fichiers de base inutilisables (3)', 3, shown);
});
