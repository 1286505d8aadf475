// OAuth2 tokens of a sending account (Microsoft 365 or Google) on this workstation. The refresh
// token is the long-lived secret: written only to the OS keychain, under its own service name
// so it never mixes with SMTP passwords (DESIGN rule 1). The access token lives an hour: it is
// kept in this process's memory only and forgotten at sign-out or close.
import { systemKeychain, type Keychain } from './keychain';

export const OAUTH_KEYCHAIN_SERVICE = 'Pli OAuth';

export interface OAuthAccountRef {
  provider: string;
  clientId: string;
  username: string;
}

/**
 * provider|clientId|mailbox: a new application registration (another client ID) needs its own
 * sign-in, as the provider would refuse the old refresh token for it anyway.
 */
export function oauthAccountKey(account: OAuthAccountRef): string {
  return `${account.provider}|${account.clientId.trim()}|${account.username.trim().toLowerCase()}`;
}

export interface AccessToken {
  value: string;
  /** Epoch ms. */
  expiresAt: number;
}

export class OAuthTokens {
  private readonly access = new Map<string, AccessToken>();

  constructor(private readonly keychain: Keychain = systemKeychain(OAUTH_KEYCHAIN_SERVICE)) {}

  refreshToken(account: OAuthAccountRef): Promise<string | null> {
    return this.keychain.get(oauthAccountKey(account));
  }

  async saveRefreshToken(account: OAuthAccountRef, token: string): Promise<void> {
    await this.keychain.set(oauthAccountKey(account), token);
  }

  /** Whether the keychain holds this account's refresh token; false without a keychain. */
  async connected(account: OAuthAccountRef): Promise<boolean> {
    try {
      return (await this.refreshToken(account)) !== null;
    } catch {
      return false;
    }
  }

  accessToken(account: OAuthAccountRef): AccessToken | null {
    return this.access.get(oauthAccountKey(account)) ?? null;
  }

  setAccessToken(account: OAuthAccountRef, token: AccessToken): void {
    this.access.set(oauthAccountKey(account), token);
  }

  /** « Révoquer l’accès », or a refresh the provider refused: both tokens go. */
  async forget(account: OAuthAccountRef): Promise<void> {
    this.access.delete(oauthAccountKey(account));
    await this.keychain.delete(oauthAccountKey(account));
  }

  clearSession(): void {
    this.access.clear();
  }
}
