// State of the shared database file as the renderer sees it.
import { z } from 'zod';
import { wireErrorSchema } from '../errors';

export const dbStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open'), path: z.string(), schemaVersion: z.number().int() }),
  /** No file at the configured path yet: the first start offers to create one. */
  z.object({ state: z.literal('missing'), path: z.string() }),
  /** A file is there but cannot be used; `error` says why and what to do. */
  z.object({ state: z.literal('error'), path: z.string(), error: wireErrorSchema }),
]);
export type DbStatus = z.infer<typeof dbStatusSchema>;

export const dbCreateInputSchema = z.object({ kind: z.enum(['empty', 'demo']) }).strict();

/** Choose another database file (for example the one on the association's network share). */
export const dbOpenInputSchema = z
  .object({ path: z.string().trim().min(1, 'Indiquez le chemin du fichier.').max(1000) })
  .strict();
