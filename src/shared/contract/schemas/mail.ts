// The association's email settings (Paramètres › Envoi des e-mails), shared by every
// workstation and stored in `association_settings` under the key 'mail': whose address the
// messages leave from, the reply-to, the automatic copy, the receipt default, and what may be
// attached. Sizes are in bytes (1 Mo = 1 048 576 octets, as mail servers count them).
import { z } from 'zod';
import { isValidEmail, normalizeEmail } from '../../email';

export const MEGABYTE = 1024 * 1024;

/** 'association': one shared account for everyone; 'user': the signed-in user's own address. */
export const senderModeSchema = z.enum(['association', 'user']);
export type SenderMode = z.infer<typeof senderModeSchema>;

export const attachmentTypes = [
  'pdf',
  'jpg',
  'jpeg',
  'png',
  'doc',
  'docx',
  'odt',
  'xls',
  'xlsx',
  'ods',
  'txt',
] as const;
export const attachmentTypeSchema = z.enum(attachmentTypes);
export type AttachmentType = z.infer<typeof attachmentTypeSchema>;

/**
 * One line of header text: no C0 or C1 control (CR, LF, TAB, NUL, ESC, NEL…), no DEL, no Unicode
 * line or paragraph separator (some mail readers break lines on those too).
 */
export function isOneLine(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      return false;
    }
  }
  return true;
}

const invalidEmail =
  'Adresse e-mail invalide : vérifiez l’orthographe (exemple : factures@association.fr).';
// Names end up in the From header: one line only (the mail code refuses it again at assignment).
export const oneLineText = (max: number) =>
  z.string().trim().max(max).refine(isOneLine, {
    message: 'Sur une seule ligne, sans caractère spécial.',
  });
/** Empty text means none; otherwise a valid address. */
export const optionalAddressText = z
  .string()
  .refine(isOneLine, invalidEmail)
  .transform(normalizeEmail)
  .refine((v) => v === '' || isValidEmail(v), invalidEmail);

export const mailSettingsSchema = z
  .object({
    senderMode: senderModeSchema,
    associationAddress: optionalAddressText,
    associationName: oneLineText(120),
    replyTo: optionalAddressText,
    bccSender: z.boolean(),
    requestReceipt: z.boolean(),
    maxMessageBytes: z
      .number()
      .int()
      .min(MEGABYTE, 'Limite par message : 1 Mo au moins.')
      .max(50 * MEGABYTE, 'Limite par message : 50 Mo au plus (les serveurs refusent au-delà).'),
    warnFileBytes: z
      .number()
      .int()
      .min(100 * 1024, 'Seuil d’avertissement : 0,1 Mo au moins.')
      .max(50 * MEGABYTE, 'Seuil d’avertissement : 50 Mo au plus.'),
    allowedTypes: z
      .array(attachmentTypeSchema)
      .min(1, 'Autorisez au moins un type de fichier (le PDF des factures).')
      .transform((types) => [...new Set(types)]),
  })
  .strict()
  .refine((s) => s.senderMode !== 'association' || s.associationAddress !== '', {
    path: ['associationAddress'],
    message: 'Saisissez l’adresse d’envoi de l’association, ou choisissez l’adresse de chacun.',
  })
  .refine((s) => s.warnFileBytes <= s.maxMessageBytes, {
    path: ['warnFileBytes'],
    message: 'Le seuil d’avertissement par fichier dépasse la limite par message.',
  });
export type MailSettings = z.output<typeof mailSettingsSchema>;

/** What applies before the administrator saves anything. */
export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  senderMode: 'association',
  associationAddress: '',
  associationName: '',
  replyTo: '',
  bccSender: false,
  requestReceipt: false,
  maxMessageBytes: 10 * MEGABYTE,
  warnFileBytes: MEGABYTE,
  allowedTypes: [...attachmentTypes],
};

/** The settings with the version they were saved at; null = never saved, defaults apply. */
export const mailSettingsDetailSchema = z.object({
  version: z.number().int().nullable(),
  settings: z.object({
    senderMode: senderModeSchema,
    associationAddress: z.string(),
    associationName: z.string(),
    replyTo: z.string(),
    bccSender: z.boolean(),
    requestReceipt: z.boolean(),
    maxMessageBytes: z.number().int(),
    warnFileBytes: z.number().int(),
    allowedTypes: z.array(attachmentTypeSchema),
  }),
});
export type MailSettingsDetail = z.infer<typeof mailSettingsDetailSchema>;

export const mailSettingsSaveInputSchema = z
  .object({
    version: z.number().int().positive().nullable(),
    settings: mailSettingsSchema,
  })
  .strict();
