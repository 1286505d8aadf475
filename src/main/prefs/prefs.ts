// Workstation preferences: kept on this workstation only, never in the shared file. One
// interface; electron-store backs it in Electron and `conf` (its engine) everywhere else.
import os from 'node:os';
import { z } from 'zod';

export const mailMethodSchema = z.enum(['smtp', 'outlook', 'thunderbird', 'system']);

export const prefsSchema = z.object({
  /** Shown in the audit log and on envelopes; defaults to the computer's name. */
  workstationName: z.string().min(1).max(80),
  /** The shared database file; null means `<data folder>/pli.sqlite`. */
  databasePath: z.string().min(1).nullable(),
  /** How single emails leave this workstation. */
  mailMethod: mailMethodSchema,
  /** Where Outlook / Thunderbird are when not where Pli looks for them; null: detected. */
  outlookPath: z.string().min(1).nullable(),
  thunderbirdPath: z.string().min(1).nullable(),
});
export type Prefs = z.infer<typeof prefsSchema>;

export function defaultPrefs(): Prefs {
  return {
    workstationName: os.hostname() || 'Poste',
    databasePath: null,
    mailMethod: 'smtp',
    outlookPath: null,
    thunderbirdPath: null,
  };
}

export interface PrefsStore {
  get<K extends keyof Prefs>(key: K): Prefs[K];
  set<K extends keyof Prefs>(key: K, value: Prefs[K]): void;
}

/** The minimal surface of conf and electron-store that the adapter needs. */
export interface KeyValueBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Reads through the schema so a hand-edited or older preferences file falls back to the
 * default for a bad value instead of crashing the workstation.
 */
export function prefsFromBackend(backend: KeyValueBackend): PrefsStore {
  const defaults = defaultPrefs();
  return {
    get(key) {
      const parsed = prefsSchema.shape[key].safeParse(backend.get(key));
      return parsed.success ? (parsed.data as Prefs[typeof key]) : defaults[key];
    },
    set(key, value) {
      backend.set(key, prefsSchema.shape[key].parse(value));
    },
  };
}
