// Field schemas shared by several records, with French messages.
import { z } from 'zod';
import { isValidEmail, normalizeEmail } from '../../email';

export const emailField = z
  .string()
  .transform(normalizeEmail)
  .refine(
    isValidEmail,
    'Adresse e-mail invalide : vérifiez l’orthographe (exemple : prenom.nom@orange.fr).',
  );

/** An optional email: empty text means none. */
export const optionalEmailField = z
  .string()
  .nullable()
  .transform((value) => (value === null || value.trim() === '' ? null : normalizeEmail(value)))
  .refine((value) => value === null || isValidEmail(value), {
    message: 'Adresse e-mail invalide : vérifiez l’orthographe (exemple : prenom.nom@orange.fr).',
  });

export const isoDate = z.iso.date('Date attendue au format AAAA-MM-JJ.');

export const languageSchema = z.enum(['fr', 'en', 'nl', 'de', 'es', 'it', 'pt']);
