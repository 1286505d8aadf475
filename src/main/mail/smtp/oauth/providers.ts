// Where Microsoft's and Google's sign-in lives, and what Pli asks for. Each endpoint can be
// replaced in the settings (a test server on 127.0.0.1); empty means the provider's own.
// Scopes: sending by SMTP only (Microsoft: SMTP.Send; Google has no narrower scope for SMTP than
// https://mail.google.com/), plus a refresh token (Microsoft: offline_access; Google:
// access_type=offline, with prompt=consent so a second sign-in still returns one).
import {
  DEFAULT_OAUTH_SETTINGS,
  type OAuthProvider,
  type SmtpSettings,
} from '../../../../shared/contract';

export interface ProviderEndpoints {
  provider: OAuthProvider;
  clientId: string;
  /** Sent only when set (Google Desktop clients need it; it is not confidential). */
  clientSecret: string;
  authorization: string;
  token: string;
  /** Null: the provider has no revocation endpoint (Microsoft): tokens are deleted locally. */
  revocation: string | null;
  scope: string;
  extraAuthorizationParams: Record<string, string>;
}

export const SCOPES: Record<OAuthProvider, string> = {
  microsoft: 'https://outlook.office.com/SMTP.Send offline_access',
  google: 'https://mail.google.com/',
};

export function providerOf(settings: SmtpSettings): OAuthProvider | null {
  return settings.auth === 'microsoft' || settings.auth === 'google' ? settings.auth : null;
}

export function endpointsFor(settings: SmtpSettings): ProviderEndpoints {
  const provider = providerOf(settings);
  if (!provider) throw new Error('endpointsFor: not an OAuth account');
  const oauth = settings.oauth ?? DEFAULT_OAUTH_SETTINGS;
  const or = (typed: string, fallback: string) => (typed === '' ? fallback : typed);
  if (provider === 'microsoft') {
    // « organizations »: any work or school account; a tenant ID pins the association's own.
    const base = `https://login.microsoftonline.com/${oauth.tenant || 'organizations'}/oauth2/v2.0`;
    return {
      provider,
      clientId: oauth.clientId,
      clientSecret: '',
      authorization: or(oauth.authorizationEndpoint, `${base}/authorize`),
      token: or(oauth.tokenEndpoint, `${base}/token`),
      revocation: oauth.revocationEndpoint || null,
      scope: SCOPES.microsoft,
      extraAuthorizationParams: { login_hint: settings.username, prompt: 'select_account' },
    };
  }
  return {
    provider,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    authorization: or(oauth.authorizationEndpoint, 'https://accounts.google.com/o/oauth2/v2/auth'),
    token: or(oauth.tokenEndpoint, 'https://oauth2.googleapis.com/token'),
    revocation: or(oauth.revocationEndpoint, 'https://oauth2.googleapis.com/revoke'),
    scope: SCOPES.google,
    extraAuthorizationParams: {
      login_hint: settings.username,
      access_type: 'offline',
      prompt: 'consent',
    },
  };
}
