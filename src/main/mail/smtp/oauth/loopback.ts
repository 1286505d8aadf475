// The redirect target of a sign-in (RFC 8252 §7.3): a one-shot HTTP listener on 127.0.0.1, on a
// port the system picks, that waits for the browser to come back with ?code=…&state=…, answers
// with a short French page, and closes. Bound to the loopback address only, so nothing on the
// network can reach it; the state (checked here) and PKCE (checked by the provider) make a
// response from anyone else useless.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PliError } from '../../../../shared/contract';

export interface Loopback {
  redirectUri: string;
  /** The authorization code, or a PliError (refused, state mismatch, timeout). */
  code: Promise<string>;
  close(): void;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pli — ${title}</title></head>` +
  `<body style="font-family:sans-serif;max-width:36rem;margin:4rem auto"><h1>${title}</h1><p>${text}</p></body></html>`;

function reply(response: http.ServerResponse, status: number, title: string, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  response.end(page(title, text));
}

/** What the browser brought back → the code, or why not (with the page the user sees). */
function read(params: URLSearchParams, state: string): { code: string } | { error: PliError } {
  if (params.get('state') !== state) return { error: new PliError('OAUTH_STATE_MISMATCH') };
  const error = params.get('error');
  if (error === 'access_denied' || error === 'consent_required') {
    return { error: new PliError('OAUTH_CONSENT_REFUSED') };
  }
  if (error) return { error: new PliError('OAUTH_PROVIDER_ERROR', [error.slice(0, 60)]) };
  const code = params.get('code');
  if (!code) return { error: new PliError('OAUTH_PROVIDER_ERROR', ['réponse sans code']) };
  return { code };
}

export async function listenOnce(state: string, timeoutMs: number): Promise<Loopback> {
  let settle: { resolve: (code: string) => void; reject: (error: PliError) => void };
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody may be waiting yet when it fails (the renderer calls oauthFinish right after).
  code.catch(() => undefined);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The browser also asks for /favicon.ico: not the redirect.
    if (request.method !== 'GET' || url.pathname !== '/') {
      response.writeHead(404, { connection: 'close' }).end();
      return;
    }
    const outcome = read(url.searchParams, state);
    if ('code' in outcome) {
      reply(
        response,
        200,
        'Connexion réussie',
        'Pli est autorisé à envoyer avec ce compte. Vous pouvez fermer cet onglet et revenir à Pli.',
      );
      settle.resolve(outcome.code);
    } else {
      reply(response, 400, 'Connexion non aboutie', outcome.error.message);
      settle.reject(outcome.error);
    }
    close();
  });
  const timer = setTimeout(() => {
    settle.reject(new PliError('OAUTH_TIMEOUT'));
    close();
  }, timeoutMs);
  timer.unref();
  function close() {
    clearTimeout(timer);
    server.close();
    // The page is sent with « connection: close »; nothing else should stay open.
    setImmediate(() => server.closeAllConnections());
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/`,
    code,
    // Abandoned (a new sign-in started): whoever waits is answered now, not after the timeout.
    close: () => {
      settle.reject(new PliError('OAUTH_TIMEOUT'));
      close();
    },
  };
}
