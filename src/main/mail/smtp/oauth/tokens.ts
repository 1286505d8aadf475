// The token endpoint (RFC 6749 §4.1.3, §6) and the revocation endpoint (RFC 7009). Errors come
// back as PliError with a stable code and the provider's error code as detail, never a token:
// the provider's `error_description` is kept only when it cannot echo one (it never does, but
// the text is cut and checked anyway).
import { PliError } from '../../../../shared/contract';
import type { ProviderEndpoints } from './providers';

export interface TokenSet {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Absent when the provider keeps the previous one (no rotation). */
  refreshToken: string | null;
}

const TIMEOUT_MS = 15_000;

function providerError(detail: string, cause?: unknown): PliError {
  return new PliError('OAUTH_PROVIDER_ERROR', [detail], cause ? { cause } : undefined);
}

async function post(url: string, form: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    throw providerError(`Le service de connexion ne répond pas (${new URL(url).host}).`, error);
  }
}

function clientFields(endpoints: ProviderEndpoints): Record<string, string> {
  return {
    client_id: endpoints.clientId,
    ...(endpoints.clientSecret ? { client_secret: endpoints.clientSecret } : {}),
  };
}

/** Only the provider's error code and a short, token-free description reach a message. */
function describe(body: Record<string, unknown>, status: number): string {
  const code = typeof body.error === 'string' ? body.error.slice(0, 60) : `HTTP ${status}`;
  const text =
    typeof body.error_description === 'string'
      ? (body.error_description.split(/\r?\n/)[0] ?? '').slice(0, 200)
      : '';
  return text ? `${code} : ${text}` : code;
}

async function tokenRequest(
  endpoints: ProviderEndpoints,
  form: Record<string, string>,
  now: number,
): Promise<TokenSet> {
  const response = await post(endpoints.token, { ...form, ...clientFields(endpoints) });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    // invalid_grant: the refresh token expired, was revoked, or the password changed.
    if (body.error === 'invalid_grant') {
      throw new PliError('OAUTH_RECONNECT_REQUIRED', [describe(body, response.status)]);
    }
    throw providerError(describe(body, response.status));
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresAt: now + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
  };
}

export function exchangeCode(
  endpoints: ProviderEndpoints,
  request: { code: string; verifier: string; redirectUri: string },
): Promise<TokenSet> {
  return tokenRequest(
    endpoints,
    {
      grant_type: 'authorization_code',
      code: request.code,
      code_verifier: request.verifier,
      redirect_uri: request.redirectUri,
      scope: endpoints.scope,
    },
    Date.now(),
  );
}

export function refreshAccessToken(
  endpoints: ProviderEndpoints,
  refreshToken: string,
): Promise<TokenSet> {
  return tokenRequest(
    endpoints,
    { grant_type: 'refresh_token', refresh_token: refreshToken, scope: endpoints.scope },
    Date.now(),
  );
}

/** True when the provider confirmed; false when it has no endpoint. Failure throws. */
export async function revokeToken(endpoints: ProviderEndpoints, token: string): Promise<boolean> {
  if (!endpoints.revocation) return false;
  const response = await post(endpoints.revocation, {
    token,
    token_type_hint: 'refresh_token',
    ...clientFields(endpoints),
  });
  // RFC 7009 §2.2: an already invalid token is answered 200 too; 400 invalid_token is the same.
  if (response.ok) return true;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (body.error === 'invalid_token' || body.error === 'invalid_grant') return true;
  throw providerError(describe(body, response.status));
}
