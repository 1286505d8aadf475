// Signing the sending account in with Microsoft 365 or Google (OAuth2, XOAUTH2 on SMTP) instead
// of a password. What the administrator sets is public: the association's own application
// registration (client ID, Microsoft tenant, Google's « client secret » of a Desktop client,
// which Google documents as not confidential for installed apps) and, for a test server, the
// endpoints. The tokens themselves never cross the contract: the refresh token lives in this
// workstation's keychain (src/main/secrets), the access token in the main process's memory.
import { z } from 'zod';

export const oauthProviderSchema = z.enum(['microsoft', 'google']);
export type OAuthProvider = z.infer<typeof oauthProviderSchema>;

/**
 * An endpoint typed by the administrator: https, or http on this machine's loopback only (a
 * test server such as oauth2-mock-server). Empty: the provider's own.
 */
function isEndpoint(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    if (url.username !== '' || url.password !== '') return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const endpoint = z.string().trim().max(500).refine(isEndpoint, {
  message:
    'Adresse invalide : saisissez une adresse https:// complète, ou laissez vide pour celle du fournisseur.',
});

export const oauthSettingsSchema = z
  .object({
    /** The « ID d’application (client) » of the association's registration. */
    clientId: z
      .string()
      .trim()
      .max(200)
      .regex(/^[A-Za-z0-9._-]*$/, 'ID client invalide : copiez-le tel qu’affiché par le portail.'),
    /** Microsoft only: the tenant ID or domain; empty means « organizations » (work accounts). */
    tenant: z
      .string()
      .trim()
      .max(100)
      .regex(/^[A-Za-z0-9.-]*$/, 'Tenant invalide : un identifiant (GUID) ou un domaine.'),
    /** Google only: a Desktop client's secret (required by Google, not confidential). */
    clientSecret: z.string().trim().max(200),
    authorizationEndpoint: endpoint,
    tokenEndpoint: endpoint,
    revocationEndpoint: endpoint,
  })
  .strict();
export type OAuthSettings = z.output<typeof oauthSettingsSchema>;

export const DEFAULT_OAUTH_SETTINGS: OAuthSettings = {
  clientId: '',
  tenant: '',
  clientSecret: '',
  authorizationEndpoint: '',
  tokenEndpoint: '',
  revocationEndpoint: '',
};

export const oauthStartResultSchema = z.object({
  flowId: z.string(),
  /** The provider's sign-in page; the renderer opens it itself when `opened` is false. */
  url: z.string(),
  /** The main process opened the system browser (Electron); false in the web host. */
  opened: z.boolean(),
});

export const oauthFinishInputSchema = z
  .object({ flowId: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) })
  .strict();

export const oauthAccountResultSchema = z.object({
  /** The mailbox that is connected (the account's identifier). */
  account: z.string(),
  connected: z.boolean(),
  /** « Révoquer l’accès »: the provider confirmed the revocation (false when it has none). */
  revokedAtProvider: z.boolean().optional(),
});

/** « Votre boîte d’envoi » (sender mode 'user'): the signed-in user's own mailbox. */
export const ownMailboxInputSchema = z
  .object({ facilityId: z.number().int().positive().nullable() })
  .strict();

export const ownMailboxSchema = z.object({
  /** The server is a Microsoft 365 / Google account and messages leave from the user's address. */
  applies: z.boolean(),
  provider: oauthProviderSchema.nullable(),
  /** The user's address (their mailbox), empty when their record has none. */
  account: z.string(),
  connected: z.boolean(),
});
export type OwnMailbox = z.infer<typeof ownMailboxSchema>;
