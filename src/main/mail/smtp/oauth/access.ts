// The access token a connection authenticates with: the one in memory while it has more than
// a minute left, else a new one from the refresh token in the keychain. `force` after the server
// answered 535 to the current one (revoked early, or a clock off): one refresh, then the
// failure stands. One refresh at a time per account, so a rotated refresh token is never used
// twice. A refresh the provider refuses (invalid_grant) deletes the tokens: the account must be
// signed in again, which the error says.
import { PliError, DEFAULT_OAUTH_SETTINGS, type SmtpSettings } from '../../../../shared/contract';
import { oauthAccountKey, type OAuthAccountRef, type OAuthTokens } from '../../../secrets';
import { endpointsFor, providerOf } from './providers';
import { refreshAccessToken } from './tokens';

/** Refreshed this long before it expires, so a message never starts with a dying token. */
export const EXPIRY_MARGIN_MS = 60_000;

export interface AccessTokenSource {
  readonly user: string;
  get(force: boolean): Promise<string>;
}

export function oauthAccountOf(settings: SmtpSettings): OAuthAccountRef {
  const provider = providerOf(settings);
  if (!provider) throw new Error('oauthAccountOf: not an OAuth account');
  return {
    provider,
    clientId: (settings.oauth ?? DEFAULT_OAUTH_SETTINGS).clientId,
    username: settings.username,
  };
}

const refreshing = new Map<string, Promise<string>>();

async function refresh(settings: SmtpSettings, tokens: OAuthTokens): Promise<string> {
  const account = oauthAccountOf(settings);
  const refreshToken = await tokens.refreshToken(account);
  if (refreshToken === null) throw new PliError('OAUTH_NOT_CONNECTED');
  try {
    const set = await refreshAccessToken(endpointsFor(settings), refreshToken);
    if (set.refreshToken && set.refreshToken !== refreshToken) {
      await tokens.saveRefreshToken(account, set.refreshToken);
    }
    tokens.setAccessToken(account, { value: set.accessToken, expiresAt: set.expiresAt });
    return set.accessToken;
  } catch (error) {
    if (error instanceof PliError && error.code === 'OAUTH_RECONNECT_REQUIRED') {
      await tokens.forget(account);
    }
    throw error;
  }
}

export function accessTokenSource(settings: SmtpSettings, tokens: OAuthTokens): AccessTokenSource {
  const account = oauthAccountOf(settings);
  const key = oauthAccountKey(account);
  return {
    user: settings.username,
    async get(force) {
      const held = tokens.accessToken(account);
      if (!force && held && held.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return held.value;
      let pending = refreshing.get(key);
      if (!pending) {
        pending = refresh(settings, tokens).finally(() => refreshing.delete(key));
        refreshing.set(key, pending);
      }
      return pending;
    },
  };
}
