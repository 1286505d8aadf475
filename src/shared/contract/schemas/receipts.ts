// receipts:*, the « Accusés de réception » settings (association level, administrator only):
// the sending mailbox read over IMAP for read receipts (MDN) and bounces (DSN), its connection
// test, and « Vérifier maintenant ». The IMAP password crosses only inside a request, on its way
// to this workstation's keychain; no result carries it.
import { z } from 'zod';
import { passwordInputSchema, passwordStateShape } from './smtp';

export const receiptSecuritySchema = z.enum(['tls', 'starttls', 'none']);

export const receiptSettingsSchema = z
  .object({
    enabled: z.boolean(),
    host: z
      .string()
      .trim()
      .max(253)
      .regex(/^[^\s/:@]*$/, 'Saisissez seulement le nom du serveur (exemple : imap.orange.fr).'),
    port: z.number().int().min(1).max(65535),
    /** Certificates are always verified; « none » is for a server on this machine only. */
    security: receiptSecuritySchema,
    username: z.string().trim().max(254),
    folder: z.string().trim().min(1).max(200),
  })
  .strict()
  .refine((s) => !s.enabled || (s.host !== '' && s.username !== ''), {
    message: 'Saisissez le serveur IMAP et l’identifiant avant d’activer la lecture des accusés.',
    path: ['host'],
  });
export type ReceiptSettings = z.output<typeof receiptSettingsSchema>;

export const DEFAULT_RECEIPT_SETTINGS: ReceiptSettings = {
  enabled: false,
  host: '',
  port: 993,
  security: 'tls',
  username: '',
  folder: 'INBOX',
};

/** Where the reading of the mailbox stands, shared by every workstation. */
export const receiptCursorSchema = z.object({
  lastCheckAt: z.string().nullable(),
  lastCheckBy: z.string().nullable(),
  /** The French reason the last check failed, null when it worked. */
  lastError: z.string().nullable(),
  recorded: z.number().int().nonnegative(),
});
export type ReceiptCursor = z.output<typeof receiptCursorSchema>;

export const receiptSettingsDetailSchema = z.object({
  version: z.number().int().positive().nullable(),
  settings: receiptSettingsSchema,
  ...passwordStateShape,
  /** The sending server uses the same login and its password is known on this workstation. */
  smtpPasswordReusable: z.boolean(),
  cursor: receiptCursorSchema,
});
export type ReceiptSettingsDetail = z.output<typeof receiptSettingsDetailSchema>;

export const receiptSaveInputSchema = z
  .object({
    version: z.number().int().positive().nullable(),
    settings: receiptSettingsSchema,
    password: passwordInputSchema.optional(),
    /** Copy the sending account's password (same login) into this one's keychain entry. */
    useSmtpPassword: z.boolean().optional(),
    forgetPassword: z.boolean().optional(),
  })
  .strict();

export const receiptTestInputSchema = z
  .object({
    settings: receiptSettingsSchema,
    password: passwordInputSchema.optional(),
    useSmtpPassword: z.boolean().optional(),
  })
  .strict();

export const receiptTestResultSchema = z.object({
  ok: z.boolean(),
  /** A stable error code when it failed (IMAP_AUTH_FAILED …). */
  code: z.string().nullable(),
  message: z.string(),
  /** How many messages the folder holds, when it could be opened. */
  messages: z.number().int().nonnegative().nullable(),
});
export type ReceiptTestResult = z.output<typeof receiptTestResultSchema>;

export const receiptCheckResultSchema = z.object({
  /** Messages of the folder read for the first time. */
  read: z.number().int().nonnegative(),
  /** Reports recorded now (a report another workstation recorded first is not counted). */
  recorded: z.number().int().nonnegative(),
  /** Reports that answer no message of Pli, or could not be read. */
  ignored: z.number().int().nonnegative(),
  cursor: receiptCursorSchema,
});
export type ReceiptCheckResult = z.output<typeof receiptCheckResultSchema>;
