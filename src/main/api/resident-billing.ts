// The Facturation tab of a resident: residents:billing reads it; absences:*, debours:* and
// gir:save write it. Reception records absences and débours too, so every signed-in user may
// (as for the rest of the resident record); each write is audited under their name and this
// workstation, and answers with the whole tab as it now stands.
import type { z } from 'zod';
import type {
  absenceDeleteInputSchema,
  absenceSaveInputSchema,
  deboursDeleteInputSchema,
  deboursSaveInputSchema,
  girSaveInputSchema,
} from '../../shared/contract';
import type { AppContext } from '../context';
import { deleteAbsence, saveAbsence } from '../residents/absences';
import { getResidentBilling, localToday } from '../residents/billing-view';
import { deleteDebours, saveDebours } from '../residents/debours';
import { addGirEvaluation } from '../residents/gir';

type In<S extends z.ZodType> = z.output<S>;

export function residentBillingHandlers(context: AppContext) {
  const db = () => {
    context.session.require();
    return context.db.connection();
  };
  const view = (residentId: number) => getResidentBilling(db(), residentId, localToday());
  /** Runs a write, tells every window (and workstation) about it, answers with the tab. */
  const wrote = (residentId: number, run: () => unknown) => {
    run();
    context.db.changed();
    return view(residentId);
  };
  const actor = () => context.session.actor();
  return {
    'residents:billing': async ({ residentId }: { residentId: number }) => view(residentId),
    'absences:save': async (input: In<typeof absenceSaveInputSchema>) =>
      wrote(input.residentId, () => saveAbsence(db(), actor(), input)),
    'absences:delete': async (input: In<typeof absenceDeleteInputSchema>) =>
      wrote(input.residentId, () => deleteAbsence(db(), actor(), input)),
    'debours:save': async (input: In<typeof deboursSaveInputSchema>) =>
      wrote(input.residentId, () => saveDebours(db(), actor(), input)),
    'debours:delete': async (input: In<typeof deboursDeleteInputSchema>) =>
      wrote(input.residentId, () => deleteDebours(db(), actor(), input)),
    'gir:save': async (input: In<typeof girSaveInputSchema>) =>
      wrote(input.residentId, () => addGirEvaluation(db(), actor(), input)),
  };
}
