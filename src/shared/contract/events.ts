// Pushes from main to every open window (Electron) or tab (web host): the same names and
// payload schemas on both transports.
import { z } from 'zod';
import { dbStatusSchema } from './schemas/db';

export const events = {
  /** The database was created, opened, lost or changed by this or another workstation. */
  'db:changed': dbStatusSchema,
  /** Records changed, on this workstation or another one (read from the audit log). */
  'data:changed': z.object({
    changes: z.array(
      z.object({
        entity: z.string(),
        entityId: z.number().int().nullable(),
        action: z.string(),
        userName: z.string(),
        workstation: z.string(),
        at: z.string(),
      }),
    ),
  }),
  /** Progress of an email batch (filled in by the send queue). */
  'mail:progress': z.object({
    batchId: z.string(),
    sent: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    remaining: z.number().int().nonnegative(),
    etaSeconds: z.number().nonnegative().nullable(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The envelope in which an event crosses either transport. */
export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
