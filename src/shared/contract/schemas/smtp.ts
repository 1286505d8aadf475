// The sending server (Paramètres › Serveur d’envoi): set once by the administrator for every
// workstation, stored in `association_settings` (key 'smtp'; a facility may override it under
// 'smtp.facility.<id>'). The password is never part of these settings: it lives in each
// workstation's keychain (src/main/secrets) and only crosses the contract inside a request.
import { z } from 'zod';
import { isOneLine } from './mail';
import { DEFAULT_OAUTH_SETTINGS, oauthSettingsSchema } from './oauth';
import { smtpDiagnosisSchema } from './smtp-diagnosis';

/** none: plain; starttls: upgrade required; tls: implicit TLS (SSL); auto: 465, 587, then 25. */
export const smtpSecuritySchema = z.enum(['none', 'starttls', 'tls', 'auto']);
export type SmtpSecurity = z.infer<typeof smtpSecuritySchema>;
/** The modes a connection really uses once `auto` has found one. */
export type SmtpWireSecurity = Exclude<SmtpSecurity, 'auto'>;

/** microsoft / google: OAuth2 sign-in, XOAUTH2 on the wire (schemas/oauth.ts). */
export const smtpAuthSchema = z.enum(['none', 'password', 'microsoft', 'google']);
export type SmtpAuth = z.infer<typeof smtpAuthSchema>;
export const isOAuth = (auth: SmtpAuth): auth is 'microsoft' | 'google' =>
  auth === 'microsoft' || auth === 'google';

const hostPattern =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

/** A certificate the administrator accepted for an internal server: pinned by its SHA-256. */
export const pinnedCertificateSchema = z
  .object({
    /** "AB:CD:…" as Node prints `fingerprint256`. */
    fingerprint256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
    /** The certificate itself (public), so TLS can be verified against it alone. */
    pem: z.string().max(20_000).startsWith('-----BEGIN CERTIFICATE-----'),
    subject: z.string().max(500),
    acceptedAt: z.string(),
    acceptedBy: z.string().max(200),
  })
  .strict();
export type PinnedCertificate = z.infer<typeof pinnedCertificateSchema>;

export const smtpSettingsSchema = z
  .object({
    /** Empty: no server, messages go to the test outbox (Mode test). */
    host: z
      .string()
      .trim()
      .max(253)
      .refine((h) => h === '' || hostPattern.test(h), {
        message: 'Nom de serveur invalide (exemple : smtp.orange.fr), sans espace ni « smtp:// ».',
      }),
    /** Null only with `auto`: the standard ports are tried. */
    port: z
      .number()
      .int()
      .min(1, 'Port entre 1 et 65535 (465 ou 587 en général).')
      .max(65535, 'Port entre 1 et 65535 (465 ou 587 en général).')
      .nullable(),
    security: smtpSecuritySchema,
    auth: smtpAuthSchema,
    username: z.string().trim().max(254).refine(isOneLine, 'Sur une seule ligne.'),
    /** The one certificate accepted despite failing verification; null: TLS fully verified. */
    pinnedCertificate: pinnedCertificateSchema.nullable(),
    /** The application registration used when `auth` is microsoft or google. */
    oauth: oauthSettingsSchema.default(DEFAULT_OAUTH_SETTINGS),
  })
  .strict()
  .refine((s) => !isOAuth(s.auth) || s.oauth.clientId !== '' || s.host === '', {
    path: ['oauth', 'clientId'],
    message:
      'Saisissez l’ID client de l’application enregistrée par l’association (voir le guide dans le README).',
  })
  .refine((s) => s.port !== null || s.security === 'auto' || s.host === '', {
    path: ['port'],
    message: 'Saisissez le port (465 ou 587 en général), ou choisissez « Détection automatique ».',
  })
  .refine((s) => s.auth === 'none' || s.username !== '' || s.host === '', {
    path: ['username'],
    message: 'Saisissez l’identifiant du compte (souvent l’adresse e-mail complète).',
  });
/**
 * Input-shaped on purpose: `oauth` is optional, so settings written before OAuth existed (and
 * code that builds them) stay valid; readers take DEFAULT_OAUTH_SETTINGS when it is absent.
 */
export type SmtpSettings = z.input<typeof smtpSettingsSchema>;

export const DEFAULT_SMTP_SETTINGS: SmtpSettings = {
  host: '',
  port: null,
  security: 'auto',
  auth: 'password',
  username: '',
  pinnedCertificate: null,
  oauth: DEFAULT_OAUTH_SETTINGS,
};

const facilityScope = z.number().int().positive().nullable();

export const smtpGetInputSchema = z.object({ facilityId: facilityScope }).strict();

/** What this workstation knows of an account's password (never the password itself). */
export const passwordStateShape = {
  /** A password for host|username is in this workstation's keychain. */
  passwordSaved: z.boolean(),
  /** Known only for this session (typed without « Mémoriser sur ce poste »). */
  passwordInSession: z.boolean(),
};

export const smtpSettingsDetailSchema = z.object({
  facilityId: facilityScope,
  /** Null when never saved at this level (defaults, or the association's for a facility). */
  version: z.number().int().nullable(),
  /** For a facility: true when it has its own server instead of the association's. */
  overridden: z.boolean(),
  settings: z.object({
    host: z.string(),
    port: z.number().int().nullable(),
    security: smtpSecuritySchema,
    auth: smtpAuthSchema,
    username: z.string(),
    pinnedCertificate: pinnedCertificateSchema.nullable(),
    oauth: oauthSettingsSchema.default(DEFAULT_OAUTH_SETTINGS),
  }),
  /** With microsoft / google: a refresh token for this account is in this workstation's keychain. */
  oauthConnected: z.boolean(),
  ...passwordStateShape,
});
export type SmtpSettingsDetail = z.infer<typeof smtpSettingsDetailSchema>;

/** A password typed by the user: used for this session; kept on this workstation if remember. */
export const passwordInputSchema = z
  .object({ value: z.string().min(1).max(1000), remember: z.boolean() })
  .strict();

export const smtpSaveInputSchema = z
  .object({
    facilityId: facilityScope,
    version: z.number().int().positive().nullable(),
    /** Null for a facility: drop its override, the association's server applies. */
    settings: smtpSettingsSchema.nullable(),
    password: passwordInputSchema.optional(),
    /** Remove the saved password of host|username from this workstation's keychain. */
    forgetPassword: z.boolean().optional(),
  })
  .strict();

export const smtpTestInputSchema = z
  .object({
    /** The form as it is, saved or not: the administrator tests before saving. */
    settings: smtpSettingsSchema,
    password: passwordInputSchema.optional(),
  })
  .strict();

/** « Se connecter avec Microsoft / Google » and « Révoquer l’accès »: the form as it is. */
export const smtpOAuthInputSchema = z.object({ settings: smtpSettingsSchema }).strict();

export const smtpSendTestInputSchema = z
  .object({
    settings: smtpSettingsSchema,
    password: passwordInputSchema.optional(),
    /** Where the test message goes (empty: the account itself). */
    to: z.string().trim().max(254),
  })
  .strict();

/** The certificate a server presented, for the administrator to compare and accept. */
export const presentedCertificateSchema = z.object({
  fingerprint256: z.string(),
  pem: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
});
export type PresentedCertificate = z.infer<typeof presentedCertificateSchema>;

export const smtpTestResultSchema = z.object({
  ok: z.boolean(),
  /** The mode that worked (the one found, with `auto`). */
  used: z
    .object({ port: z.number().int(), security: z.enum(['none', 'starttls', 'tls']) })
    .nullable(),
  /** French summary: what worked, or the diagnosis message. */
  message: z.string(),
  diagnosis: smtpDiagnosisSchema.nullable(),
  /** Present when the certificate is what failed: shown so it can be accepted explicitly. */
  certificate: presentedCertificateSchema.nullable(),
  /** Test mode: the message was written to the test outbox, not sent. */
  outboxFile: z.string().nullable(),
});
export type SmtpTestResult = z.infer<typeof smtpTestResultSchema>;

export const smtpStatusSchema = z.object({
  /** No server configured: every message is written to `outboxDir` instead of leaving. */
  testMode: z.boolean(),
  outboxDir: z.string(),
});
export type SmtpStatus = z.infer<typeof smtpStatusSchema>;

export const providerPresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(['none', 'starttls', 'tls']),
  /** Indicative limits, as suggestions for the throttle; null when none is published. */
  dailyLimit: z.number().int().nullable(),
  perMinute: z.number().int().nullable(),
  note: z.string(),
  /** The OAuth2 sign-in this provider offers instead of a password (null: password only). */
  oauth: z.enum(['microsoft', 'google']).nullable(),
});
export type ProviderPreset = z.infer<typeof providerPresetSchema>;

export const smtpPresetInputSchema = z.object({ address: z.string().max(254) }).strict();
export const smtpPresetsSchema = z.object({
  suggested: providerPresetSchema.nullable(),
  all: z.array(providerPresetSchema),
});
