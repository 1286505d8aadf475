// This workstation's own preferences (Paramètres › Ce poste), kept on the workstation and never
// in the shared file: its name, shown in the audit and on envelopes, and how single e-mails
// leave it.
import { z } from 'zod';

/** Pli's own server (smtp), or a hand-off to a desktop client for single e-mails. */
export const mailMethodSchema = z.enum(['smtp', 'outlook', 'thunderbird', 'system']);
export type MailMethod = z.infer<typeof mailMethodSchema>;

const clientPathsSchema = z.object({
  outlook: z.string().nullable(),
  thunderbird: z.string().nullable(),
});

export const workstationPrefsSchema = z.object({
  workstationName: z.string(),
  mailMethod: mailMethodSchema,
  /** The programs chosen by hand on this workstation (« Choisir le programme… »). */
  clientPaths: clientPathsSchema,
  /** Where Pli finds each program by itself (Program Files, registry, PATH); null: introuvable. */
  detected: clientPathsSchema,
  /** « Parcourir… » opens a file dialog (Electron); in a browser the path is typed. */
  canBrowse: z.boolean(),
});

export const chooseProgramInputSchema = z
  .object({ program: z.enum(['outlook', 'thunderbird']) })
  .strict();
export const chooseProgramSchema = z.object({ path: z.string().nullable() });
export type WorkstationPrefs = z.infer<typeof workstationPrefsSchema>;

export const workstationPrefsSaveInputSchema = z
  .object({
    workstationName: z
      .string()
      .trim()
      .min(1, 'Donnez un nom à ce poste.')
      .max(80, '80 caractères au plus.')
      // A name is shown in one line of the audit and of each envelope's tooltip.
      .regex(/^[^\p{Cc}]*$/u, 'Pas de retour à la ligne ni de caractère de contrôle.'),
    mailMethod: mailMethodSchema,
    /** Omitted: unchanged; null or empty: look for the program where it usually is. */
    clientPaths: z
      .object({
        outlook: z.string().trim().max(1000).nullable(),
        thunderbird: z.string().trim().max(1000).nullable(),
      })
      .strict()
      .optional(),
  })
  .strict();
