// Facts about this running copy of Pli, shown in Paramètres › À propos.
import { z } from 'zod';

export const runtimeSchema = z.enum(['electron', 'browser']);
export type Runtime = z.infer<typeof runtimeSchema>;

export const aboutSchema = z.object({
  version: z.string(),
  runtime: runtimeSchema,
  workstationName: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  /** Null when no database is open yet. */
  associationName: z.string().nullable(),
  /** Null when no database is open yet. */
  schemaVersion: z.number().int().nonnegative().nullable(),
  latestSchemaVersion: z.number().int().positive(),
});
export type About = z.infer<typeof aboutSchema>;
