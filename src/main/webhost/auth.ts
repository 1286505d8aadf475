// Who may talk to the web host: a browser on this machine that was given the per-start token.
// The token arrives once in the printed address (?token=…), then travels in an HttpOnly,
// SameSite=Strict cookie; scripts and tools may send it as the X-Pli-Token header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies are shared across ports, so the cookie name carries the port. */
export function cookieName(port: number): string {
  return `pli_token_${port}`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export type TokenSource = 'query' | 'header' | 'cookie';

export function tokenSource(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): TokenSource | null {
  const header = req.headers['x-pli-token'];
  if (sameToken(typeof header === 'string' ? header : undefined, token)) return 'header';
  if (sameToken(cookieValue(req, cookieName(port)), token)) return 'cookie';
  if (req.method === 'GET' && sameToken(url.searchParams.get('token') ?? undefined, token)) {
    return 'query';
  }
  return null;
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1' || address === '::1';
}

/** Refuses DNS-rebinding: the Host header must name this loopback port. */
export function isExpectedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-site POSTs; when present it must be ours. */
export function isSameOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || isExpectedHost(origin.replace(/^http:\/\//, ''), port);
}
