// The web host on a real loopback port with the real handlers and a real SQLite file.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api';
import { closeAppContext, createAppContext, type AppContext } from '../../../src/main/context';
import { createConfPrefs } from '../../../src/main/prefs/conf-store';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';
import { startWebHost, type WebHost } from '../../../src/main/webhost/server';
import { errorMessages } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const dataDir = tempDir();
const rendererDir = tempDir();
let context: AppContext;
let host: WebHost;

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pli</title>');
  context = createAppContext({ runtime: 'browser', dataDir, prefs: createConfPrefs(dataDir) });
  host = await startWebHost({
    handlers: createHandlers(context),
    events: context.events,
    rendererDir,
    port: 0,
  });
});

afterAll(async () => {
  await host.close();
  closeAppContext(context);
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  pathname: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    address?: string;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.address ?? '127.0.0.1',
        port: host.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withToken = () => ({ 'X-Pli-Token': host.token });
const json = { 'Content-Type': 'application/json' };

describe('web host', () => {
  it('prints an address on 127.0.0.1 with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses any request without the token, with the CSP still sent', async () => {
    for (const pathname of ['/', '/index.html', '/api/app:about', '/api/events']) {
      const reply = await request(pathname);
      expect(reply.status).toBe(401);
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect((await request('/?token=wrong')).status).toBe(401);
    expect(
      (await request('/', { headers: { Cookie: `pli_token_${host.port}=wrong` } })).status,
    ).toBe(401);
  });

  it('serves the page with its CSP and sets an HttpOnly SameSite cookie from the printed address', async () => {
    const reply = await request(`/?token=${host.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Pli</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['set-cookie']?.[0]).toBe(
      `pli_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    );
    const again = await request('/', {
      headers: { Cookie: `pli_token_${host.port}=${host.token}` },
    });
    expect(again.status).toBe(200);
  });

  it('does not accept the token in the query string of an API call', async () => {
    const reply = await request(`/api/app:about?token=${host.token}`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('refuses another Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await request('/', {
      headers: { ...withToken(), Host: `pli.example:${host.port}` },
    });
    expect(rebinding.status).toBe(403);
    const foreign = await request('/api/app:about', {
      method: 'POST',
      headers: { ...withToken(), ...json, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });

  it('listens on 127.0.0.1 only', async () => {
    const refused = (address: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: host.port });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    expect(await refused('127.0.0.2')).toMatch(/ECONNREFUSED|EADDRNOTAVAIL/);
    expect(await refused('::1')).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|EAFNOSUPPORT|ENETUNREACH/);
  });

  it('answers contract calls with the handler’s typed result', async () => {
    const reply = await request('/api/app:about', {
      method: 'POST',
      headers: { ...withToken(), ...json },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { runtime: 'browser', dataDir, databasePath: path.join(dataDir, 'pli.sqlite') },
    });
  });

  it('refuses malformed input with the contract’s typed error', async () => {
    const bad = await request('/api/db:create', {
      method: 'POST',
      headers: { ...withToken(), ...json },
      body: JSON.stringify({ kind: 'tout' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: errorMessages.INVALID_INPUT },
    });
    const notJson = await request('/api/db:create', {
      method: 'POST',
      headers: { ...withToken(), ...json },
      body: '{kind:',
    });
    expect(notJson.status).toBe(400);
    const unknown = await request('/api/shell:exec', {
      method: 'POST',
      headers: { ...withToken(), ...json },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    const form = await request('/api/db:create', {
      method: 'POST',
      headers: { ...withToken(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'kind=demo',
    });
    expect(form.status).toBe(415);
  });

  it('pushes contract events to server-sent-event clients', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { ...withToken(), Host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            const frame = buffer.split('\n\n').find((part) => part.startsWith('data: '));
            if (frame) {
              req.destroy();
              resolve(frame.slice('data: '.length));
            } else if (buffer.startsWith(': connecté')) {
              void request('/api/db:create', {
                method: 'POST',
                headers: { ...withToken(), ...json },
                body: JSON.stringify({ kind: 'demo' }),
              });
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(JSON.parse(await received)).toMatchObject({
      name: 'db:changed',
      payload: { state: 'open', path: path.join(dataDir, 'pli.sqlite') },
    });
  });
});
