// Administrator settings shared by every workstation: facilities (billing identity) and users.
import { z } from 'zod';
import { formatIban, isBic, isFiness, isIban, isSiret } from '../../identifiers';
import { roleSchema } from './auth';
import { optionalEmailField } from './fields';
import { oneLineText, optionalAddressText } from './mail';

const text = (max: number) => z.string().trim().max(max);
const optionalId = (check: (v: string) => boolean, message: string) =>
  text(40).refine((value) => value === '' || check(value), message);

export const facilityInputSchema = z
  .object({
    code: text(8)
      .min(2, 'Code de 2 à 8 lettres ou chiffres (il préfixe les numéros de facture).')
      .regex(/^[A-Z0-9]+$/i, 'Lettres et chiffres uniquement.')
      .transform((code) => code.toUpperCase()),
    name: text(120).min(2, 'Saisissez le nom de l’établissement.'),
    kind: z.enum(['ehpad', 'residence_autonomie']),
    addressLine1: text(120),
    addressLine2: text(120),
    postalCode: text(12),
    city: text(80),
    phone: text(30),
    email: optionalEmailField,
    finess: optionalId(isFiness, 'N° FINESS : 9 caractères (exemple : 440012345).'),
    siret: optionalId(isSiret, 'SIRET invalide : 14 chiffres dont la clé de contrôle.'),
    legalName: text(160),
    billingAddress: text(400),
    iban: optionalId(
      isIban,
      'IBAN invalide : vérifiez les chiffres (clé de contrôle incorrecte).',
    ).transform((v) => (v === '' ? '' : formatIban(v))),
    bic: optionalId(isBic, 'BIC invalide : 8 ou 11 caractères (exemple : CCBPFRPPNAN).').transform(
      (v) => v.replace(/\s/g, '').toUpperCase(),
    ),
    vatMention: text(300),
    /** The name families see in "From"; empty = the facility's name. */
    senderName: oneLineText(120).default(''),
    /** Where families' replies go; empty = the association's default, or the sender. */
    replyTo: optionalAddressText.default(''),
  })
  .strict();
export type FacilityInput = z.input<typeof facilityInputSchema>;

export const facilityDetailSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['ehpad', 'residence_autonomie']),
  addressLine1: z.string(),
  addressLine2: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  email: z.string(),
  finess: z.string(),
  siret: z.string(),
  legalName: z.string(),
  billingAddress: z.string(),
  iban: z.string(),
  bic: z.string(),
  vatMention: z.string(),
  senderName: z.string(),
  replyTo: z.string(),
});
export type FacilityDetail = z.infer<typeof facilityDetailSchema>;

export const facilitySaveInputSchema = z
  .object({
    id: z.number().int().positive().nullable(),
    version: z.number().int().positive().nullable(),
    facility: facilityInputSchema,
  })
  .strict();

export const userDetailSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  initials: z.string(),
  login: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  active: z.boolean(),
  bccSelf: z.boolean(),
});
export type UserDetail = z.infer<typeof userDetailSchema>;

export const userSaveInputSchema = z
  .object({
    id: z.number().int().positive().nullable(),
    version: z.number().int().positive().nullable(),
    user: z
      .object({
        name: text(80).min(2, 'Saisissez le nom complet.'),
        initials: text(4).min(1, 'Saisissez les initiales.'),
        login: text(40)
          .min(2)
          .regex(
            /^[\p{L}\p{N}._-]+$/u,
            'Lettres, chiffres, point, tiret ou soulignement uniquement.',
          ),
        role: roleSchema,
        email: optionalEmailField,
        active: z.boolean(),
        /** A hidden copy of every message this user sends, in their own mailbox. */
        bccSelf: z.boolean().default(false),
        /** Empty keeps the current password; required for a new user. */
        password: z
          .string()
          .max(200)
          .refine((p) => p === '' || p.length >= 8, 'Au moins 8 caractères.'),
      })
      .strict(),
  })
  .strict()
  .refine((input) => input.id !== null || input.user.password !== '', {
    path: ['user', 'password'],
    message: 'Choisissez un mot de passe pour le nouvel utilisateur.',
  });
