// prefs:* handlers: Paramètres › Ce poste. Every signed-in user may read and change this
// workstation's own preferences; they never reach the shared file.
import type { WorkstationPrefs } from '../../shared/contract';
import type { workstationPrefsSaveInputSchema } from '../../shared/contract/schemas/prefs';
import type { AppContext } from '../context';
import type { z } from 'zod';

export function prefsHandlers(context: AppContext) {
  const read = (): WorkstationPrefs => ({
    workstationName: context.prefs.get('workstationName'),
    mailMethod: context.prefs.get('mailMethod'),
  });
  return {
    'prefs:get': async (): Promise<WorkstationPrefs> => {
      context.session.require();
      return read();
    },
    'prefs:save': async (
      input: z.output<typeof workstationPrefsSaveInputSchema>,
    ): Promise<WorkstationPrefs> => {
      context.session.require();
      context.prefs.set('workstationName', input.workstationName);
      context.prefs.set('mailMethod', input.mailMethod);
      return read();
    },
  };
}
