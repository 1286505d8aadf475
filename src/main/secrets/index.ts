// Credentials for this workstation: the keychain for passwords the user asked to remember, and
// memory for those typed for this session only (« Mémoriser sur ce poste » unticked). Keyed by
// `<host>|<username>`, so the association's account and each user's own account (sender mode
// "user") are separate entries. Nothing here is ever written anywhere else.
import { PliError } from '../../shared/contract';
import { systemKeychain, type Keychain } from './keychain';
import { OAuthTokens } from './oauth';

export { KEYCHAIN_SERVICE, systemKeychain, type Keychain } from './keychain';
export {
  OAUTH_KEYCHAIN_SERVICE,
  OAuthTokens,
  oauthAccountKey,
  type AccessToken,
  type OAuthAccountRef,
} from './oauth';

export interface AccountRef {
  host: string;
  username: string;
}

export function accountKey(account: AccountRef): string {
  return `${account.host.trim().toLowerCase()}|${account.username.trim()}`;
}

export class Secrets {
  private readonly session = new Map<string, string>();

  /** Microsoft 365 / Google sign-ins: refresh tokens in the keychain, access tokens in memory. */
  readonly oauth: OAuthTokens;

  constructor(
    private readonly keychain: Keychain = systemKeychain(),
    oauth: OAuthTokens = new OAuthTokens(),
  ) {
    this.oauth = oauth;
  }

  /**
   * A password the user just typed: known for this session; kept in the keychain only if they
   * ticked « Mémoriser sur ce poste ». Unticked, any earlier saved one is left as it was.
   */
  async provide(account: AccountRef, password: string, remember: boolean): Promise<void> {
    const key = accountKey(account);
    this.session.set(key, password);
    if (remember) await this.keychain.set(key, password);
  }

  /** The session's password, else the keychain's; null when it must be asked. */
  async find(account: AccountRef): Promise<string | null> {
    const key = accountKey(account);
    return this.session.get(key) ?? (await this.keychain.get(key));
  }

  /** Like find, for a send: no password is a typed error the renderer answers with a prompt. */
  async require(account: AccountRef): Promise<string> {
    const password = await this.find(account);
    if (password === null) throw new PliError('SMTP_PASSWORD_REQUIRED');
    return password;
  }

  /** Whether the keychain holds one; false when there is no keychain at all. */
  async saved(account: AccountRef): Promise<boolean> {
    try {
      return (await this.keychain.get(accountKey(account))) !== null;
    } catch {
      return false;
    }
  }

  inSession(account: AccountRef): boolean {
    return this.session.has(accountKey(account));
  }

  async forget(account: AccountRef): Promise<void> {
    const key = accountKey(account);
    this.session.delete(key);
    await this.keychain.delete(key);
  }

  /** Sign-out or close: the session's passwords go. */
  clearSession(): void {
    this.session.clear();
    this.oauth.clearSession();
  }
}
