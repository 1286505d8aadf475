// The billing channels end to end over the web host on a real loopback port: accueil reads but
// may not bill, facturation prepares and issues, the PDF is served to the signed-in browser
// only, and a refused issue leaves a French message.
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api';
import { hashPassword } from '../../../src/main/auth/password';
import { issuedPdfFile } from '../../../src/main/billing/pdfs';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { startWebHost, type WebHost } from '../../../src/main/webhost/server';
import type { BillingRun } from '../../../src/shared/contract';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { tempDir } from '../../helpers';

const dataDir = tempDir();
let context: AppContext;
let host: WebHost;

function request(
  method: 'GET' | 'POST',
  pathname: string,
  options: { token?: boolean; body?: unknown } = {},
): Promise<{ status: number; type: string; bytes: Buffer }> {
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method,
        headers: {
          Host: `127.0.0.1:${String(host.port)}`,
          ...(options.token === false ? {} : { 'X-Pli-Token': host.token }),
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            bytes: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

async function call(channel: string, input: unknown): Promise<Reply> {
  const reply = await request('POST', `/api/${channel}`, { body: input });
  return JSON.parse(reply.bytes.toString('utf8')) as Reply;
}

beforeAll(async () => {
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  host = await startWebHost({
    handlers: createHandlers(context),
    events: context.events,
    rendererDir: tempDir(),
    port: 0,
    invoicePdf: (id, document) => {
      context.session.require();
      return issuedPdfFile(context.db.connection(), context.db.path, id, document);
    },
  });
  await context.db.create('empty');
  const db = context.db.connection();
  const hash = await hashPassword('motdepasse');
  db.prepare(
    "INSERT INTO facilities (id, code, name) VALUES (1, 'TIL', 'EHPAD Les Tilleuls')",
  ).run();
  const user = db.prepare(
    "INSERT INTO users (id, name, initials, login, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')",
  );
  user.run(1, 'Karim Benali', 'KB', 'accueil', 'accueil', hash);
  user.run(2, 'Hélène Dubois', 'HD', 'facturation', 'facturation', hash);
  seedBillingMonth(db);
});

afterAll(async () => {
  await host.close();
  closeAppContext(context);
});

describe('billing over the web host', () => {
  it('lets accueil read but not bill, facturation issue, and serves the PDF', async () => {
    const month = { facilityId: 1, period: PERIOD };
    expect(await call('billing:run', month)).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect((await call('auth:signIn', { userId: 1, password: 'motdepasse' })).ok).toBe(true);
    expect(await call('billing:run', month)).toEqual({ ok: true, value: null });
    expect(await call('billing:prepare', month)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    expect((await call('auth:signIn', { userId: 2, password: 'motdepasse' })).ok).toBe(true);
    const prepared = (await call('billing:prepare', month)) as Reply & { value?: BillingRun };
    expect(prepared.value).toMatchObject({ status: 'draft', invoiceCount: 4 });
    const refused = await call('billing:issue', {
      runId: prepared.value?.runId,
      version: 1,
      issueDate: '2026-13-01',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const issued = (await call('billing:issue', {
      runId: prepared.value?.runId,
      version: 1,
      issueDate: '2026-10-01',
    })) as Reply & { value?: BillingRun };
    expect(issued.value).toMatchObject({ status: 'issued', missingPdfs: 0 });
    const first = issued.value?.invoices[0];
    expect(first?.number).toBe('TIL-2026-000001');

    const pdf = (await call('invoices:pdf', {
      id: first?.invoiceId,
      document: 'facture',
    })) as Reply & { value?: { opened: boolean; url: string } };
    expect(pdf.value).toMatchObject({ opened: false, fileName: 'TIL-2026-000001.pdf' });
    const served = await request('GET', pdf.value?.url ?? '');
    expect(served.status).toBe(200);
    expect(served.type).toBe('application/pdf');
    const file = path.join(dataDir, 'served.pdf');
    fs.writeFileSync(file, served.bytes);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(
      'TIL-2026-000001',
    );
    // Without the token: nothing. An unknown invoice: a French message, no file.
    expect((await request('GET', pdf.value?.url ?? '', { token: false })).status).toBe(401);
    const unknown = await request('GET', '/files/invoices/999/facture.pdf');
    expect(unknown.status).toBe(404);
    expect(unknown.bytes.toString('utf8')).toMatch(/n’existe plus/);
    expect((await request('GET', '/files/invoices/1/../../pli.sqlite')).type).not.toBe(
      'application/pdf',
    );
  });
});
