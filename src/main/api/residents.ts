// residents:* and facilities:* handlers. Every caller must be signed in; every write is
// audited under their name and this workstation.
import type { z } from 'zod';
import type {
  Facility,
  residentListInputSchema,
  residentSaveInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { getResident, listResidents, saveResident, setArchived } from '../residents/repository';

export function residentHandlers(context: AppContext) {
  const db = () => {
    context.session.require();
    return context.db.connection();
  };
  const wrote = <T>(result: T): T => {
    context.db.changed();
    return result;
  };
  return {
    'facilities:list': async () =>
      db()
        .prepare(
          'SELECT id, code, name, kind FROM facilities WHERE archived_at IS NULL ORDER BY name',
        )
        .all() as Facility[],
    'residents:list': async (filter: z.output<typeof residentListInputSchema>) =>
      listResidents(db(), filter),
    'residents:get': async ({ id }: { id: number }) => getResident(db(), id),
    'residents:save': async (request: z.output<typeof residentSaveInputSchema>) =>
      wrote(saveResident(db(), context.session.actor(), request)),
    'residents:archive': async (ref: { id: number; version: number }) =>
      wrote(setArchived(db(), context.session.actor(), ref, true)),
    'residents:restore': async (ref: { id: number; version: number }) =>
      wrote(setArchived(db(), context.session.actor(), ref, false)),
  };
}
