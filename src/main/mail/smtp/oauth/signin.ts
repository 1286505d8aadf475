// The authorization-code flow with PKCE for an installed application (RFC 8252, RFC 7636): a
// fresh verifier (S256) and state per sign-in, the loopback listener as redirect, the provider's
// page opened in the system browser (or a new tab in the web host), then the code exchanged for
// tokens. The refresh token goes straight to the keychain; nothing of it is returned.
import { createHash, randomBytes } from 'node:crypto';
import { PliError } from '../../../../shared/contract';
import type { OAuthAccountRef, OAuthTokens } from '../../../secrets';
import { listenOnce } from './loopback';
import { exchangeCode } from './tokens';
import type { ProviderEndpoints } from './providers';

/** Long enough to type a password and a second factor; under the web host's 5-minute request limit. */
export const SIGN_IN_TIMEOUT_MS = 4 * 60_000;

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export interface PendingSignIn {
  url: string;
  /** Resolves once the tokens are stored; rejects with a PliError. */
  finish(): Promise<void>;
  cancel(): void;
}

export async function beginSignIn(
  endpoints: ProviderEndpoints,
  account: OAuthAccountRef,
  tokens: OAuthTokens,
  timeoutMs = SIGN_IN_TIMEOUT_MS,
): Promise<PendingSignIn> {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const state = base64url(randomBytes(24));
  const loopback = await listenOnce(state, timeoutMs);
  const url = new URL(endpoints.authorization);
  const params: Record<string, string> = {
    client_id: endpoints.clientId,
    response_type: 'code',
    redirect_uri: loopback.redirectUri,
    scope: endpoints.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...endpoints.extraAuthorizationParams,
  };
  for (const [name, value] of Object.entries(params)) {
    if (value !== '') url.searchParams.set(name, value);
  }
  let finished: Promise<void> | null = null;
  return {
    url: url.href,
    finish() {
      finished ??= (async () => {
        const code = await loopback.code;
        const set = await exchangeCode(endpoints, {
          code,
          verifier,
          redirectUri: loopback.redirectUri,
        });
        if (!set.refreshToken) {
          // Without one Pli would ask for a sign-in every hour: the scope or prompt was refused.
          throw new PliError('OAUTH_PROVIDER_ERROR', [
            'le fournisseur n’a pas accordé d’accès durable (offline_access)',
          ]);
        }
        await tokens.saveRefreshToken(account, set.refreshToken);
        tokens.setAccessToken(account, { value: set.accessToken, expiresAt: set.expiresAt });
      })();
      return finished;
    },
    cancel: () => loopback.close(),
  };
}
