// The certificate a server presents, read without trusting it, so the administrator can see
// whose it is and accept that one certificate explicitly (pinned by its SHA-256 fingerprint).
// Also tells a plain-text client whether the port it timed out on actually speaks TLS.
import crypto from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import type { PresentedCertificate } from '../../../shared/contract';
import type { WireMode } from './connection';

function pemOf(raw: Buffer): string {
  const lines = raw.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function describe(cert: tls.PeerCertificate): PresentedCertificate {
  const name = (part: Record<string, string | string[]> | undefined) =>
    Object.entries(part ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ');
  const subject = name(cert.subject as unknown as Record<string, string>);
  const issuer = name(cert.issuer as unknown as Record<string, string>);
  return {
    fingerprint256: cert.fingerprint256,
    pem: pemOf(cert.raw),
    subject,
    issuer,
    validTo: cert.valid_to,
    selfSigned: subject === issuer,
  };
}

/** SHA-256 of a PEM certificate's DER bytes, as Node prints `fingerprint256`. */
export function fingerprintOf(pem: string): string | null {
  try {
    return new crypto.X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

function handshake(
  options: tls.ConnectionOptions,
  timeoutMs: number,
): Promise<PresentedCertificate | null> {
  return new Promise((resolve) => {
    // The one unverified handshake in Pli, and deliberately so: it only reads the certificate
    // a server presents, after a verified connection was refused, so the administrator can see
    // it and pin it explicitly (Paramètres › Serveur d’envoi). No byte of SMTP, credentials or
    // mail crosses it: the socket is destroyed as soon as the handshake ends. Node gives no way
    // to read the certificate of a handshake it rejected, hence this separate one.
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    const done = (value: PresentedCertificate | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(false);
      // An empty object when the server sent none.
      done((cert.raw as Buffer | undefined) ? describe(cert) : null);
    });
    socket.once('error', () => done(null));
  });
}

/** Greeting, EHLO, STARTTLS: just enough SMTP to reach the handshake. */
function startTls(host: string, port: number, timeoutMs: number): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    let step = 0;
    const fail = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(null);
    };
    const timer = setTimeout(fail, timeoutMs);
    socket.on('error', fail);
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      const lines = buffer.split('\r\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (/^\d{3}-/.test(line)) continue; // continuation of a multi-line reply
        const code = Number(line.slice(0, 3));
        if (step === 0 && code === 220) socket.write('EHLO pli.invalid\r\n');
        else if (step === 1 && code === 250) socket.write('STARTTLS\r\n');
        else if (step === 2 && code === 220) {
          clearTimeout(timer);
          socket.removeAllListeners('data');
          socket.removeListener('error', fail);
          resolve(socket);
          return;
        } else return fail();
        step += 1;
      }
    });
  });
}

export async function presentedCertificate(
  host: string,
  mode: WireMode,
  timeoutMs = 10_000,
): Promise<PresentedCertificate | null> {
  const servername = /^[\d.]+$|:/.test(host) ? undefined : host;
  if (mode.security === 'tls') {
    return handshake({ host, port: mode.port, ...(servername ? { servername } : {}) }, timeoutMs);
  }
  if (mode.security === 'none') return null;
  const socket = await startTls(host, mode.port, timeoutMs);
  if (!socket) return null;
  return handshake({ socket, ...(servername ? { servername } : {}) }, timeoutMs);
}
