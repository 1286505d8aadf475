// Sign-in: choose your name, type your Pli password. The first start creates the administrator.
import { z } from 'zod';
import { emailField } from './fields';

export const roleSchema = z.enum(['admin', 'facturation', 'accueil']);
export type Role = z.infer<typeof roleSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  initials: z.string(),
  login: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  /** Only users with an email address may send email (and see send buttons). */
  canSend: z.boolean(),
  /** Accueil cannot change settings. */
  canChangeSettings: z.boolean(),
  canBill: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const authStateSchema = z.object({
  needsSetup: z.boolean(),
  users: z.array(z.object({ id: z.number().int(), name: z.string(), initials: z.string() })),
  current: sessionUserSchema.nullable(),
});
export type AuthState = z.infer<typeof authStateSchema>;

const password = z.string().min(1, 'Saisissez le mot de passe.').max(200);

export const signInInputSchema = z
  .object({ userId: z.number().int().positive(), password })
  .strict();

export const setupInputSchema = z
  .object({
    name: z.string().trim().min(2, 'Saisissez le nom complet.').max(80),
    initials: z.string().trim().min(1).max(4),
    login: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[\p{L}\p{N}._-]+$/u, 'Lettres, chiffres, point, tiret ou soulignement uniquement.'),
    password: z.string().min(8, 'Au moins 8 caractères.').max(200),
    email: emailField.nullable(),
  })
  .strict();
