// The loopback web host: the same api handlers as Electron's IPC, served to a browser on
// 127.0.0.1 only. POST /api/<channel> carries calls, GET /api/events streams pushes
// (server-sent events), everything else is the built renderer with the same CSP as Electron.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { wireError, type ErrorCode, type Result } from '../../shared/contract';
import { dispatch, type Handlers, type Logger } from '../api/dispatch';
import type { EventBus } from '../events';
import { SECURITY_HEADERS } from '../security/csp';
import {
  cookieName,
  isExpectedHost,
  isLoopback,
  isSameOrigin,
  newToken,
  tokenSource,
} from './auth';
import {
  isFileRoute,
  isReminderRoute,
  serveInvoicePdf,
  serveReminderPdf,
  type PdfResolver,
  type ReminderPdfResolver,
} from './files';

/** Room for a 10 MB CSV import, which travels as base64 (4/3 of its size) in JSON. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const statusByCode: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNKNOWN_CHANNEL: 404,
  UNAUTHORIZED: 401,
  INTERNAL: 500,
};

export interface WebHostOptions {
  handlers: Handlers;
  events: EventBus;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  log?: Logger;
  /** Where an issued invoice's PDF is, for GET /files/invoices/<id>/<document>.pdf. */
  invoicePdf?: PdfResolver;
  /** Where printed relances are, for GET /files/reminders/<name>.pdf. */
  reminderPdf?: ReminderPdfResolver;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: 401 | 403, code: ErrorCode = 'UNAUTHORIZED'): void {
  sendJson(res, status, { ok: false, error: wireError(code) });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = newToken();
  const log = options.log ?? (() => {});
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, dotfiles: false });
  const clients = new Set<ServerResponse>();
  const unsubscribe = options.events.subscribe((message) => {
    const frame = `data: ${JSON.stringify(message)}\n\n`;
    for (const client of clients) client.write(frame);
  });
  let port = 0;

  async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, {
        ok: false,
        error: wireError('INVALID_INPUT', ['Content-Type: application/json attendu']),
      });
    }
    let input: unknown;
    try {
      input = await readJson(req);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: wireError('INVALID_INPUT', ['corps JSON illisible']),
      });
    }
    const result = await dispatch(options.handlers, channel, input, log);
    sendJson(res, result.ok ? 200 : (statusByCode[result.error.code] ?? 409), result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connecté\n\n');
    clients.add(res);
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 20_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      clients.delete(res);
    });
  }

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!isLoopback(req.socket.remoteAddress) || !isExpectedHost(req.headers.host, port)) {
      return refuse(res, 403);
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const source = tokenSource(req, url, token, port);
    if (!source) return refuse(res, 401);
    if (source === 'query') {
      res.setHeader(
        'Set-Cookie',
        `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    if (url.pathname.startsWith('/api/')) {
      if (!isSameOrigin(req.headers.origin, port)) return refuse(res, 403);
      if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(req, res);
      if (req.method === 'POST') {
        handleCall(req, res, decodeURIComponent(url.pathname.slice('/api/'.length))).catch(
          (error: unknown) => {
            log('web host call failed', error);
            if (!res.headersSent) sendJson(res, 500, { ok: false, error: wireError('INTERNAL') });
          },
        );
        return;
      }
      return sendJson(res, 405, { ok: false, error: wireError('UNKNOWN_CHANNEL') });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { ok: false, error: wireError('UNKNOWN_CHANNEL') });
    if (options.invoicePdf && isFileRoute(url.pathname)) {
      void serveInvoicePdf(req, res, url.pathname, options.invoicePdf);
      return;
    }
    if (options.reminderPdf && isReminderRoute(url.pathname)) {
      void serveReminderPdf(req, res, url.pathname, options.reminderPdf);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html')
      res.setHeader('Cache-Control', 'no-store');
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Page introuvable.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
