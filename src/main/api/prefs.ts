// prefs:* handlers: Paramètres › Ce poste. Every signed-in user may read and change this
// workstation's own preferences; they never reach the shared file. The mail programs' paths
// chosen by hand are checked (a program that exists and can run) before they are kept, and
// prefs:get says where Pli finds each program by itself, so the page can say « introuvable ».
import { PliError, type WorkstationPrefs } from '../../shared/contract';
import type {
  chooseProgramInputSchema,
  workstationPrefsSaveInputSchema,
} from '../../shared/contract/schemas/prefs';
import type { AppContext } from '../context';
import {
  checkProgram,
  detectClient,
  systemPlatform,
  type Platform,
} from '../mail/handover/clients';
import type { z } from 'zod';

export function prefsHandlers(context: AppContext, platform: Platform = systemPlatform()) {
  const read = async (): Promise<WorkstationPrefs> => ({
    workstationName: context.prefs.get('workstationName'),
    mailMethod: context.prefs.get('mailMethod'),
    clientPaths: {
      outlook: context.prefs.get('outlookPath'),
      thunderbird: context.prefs.get('thunderbirdPath'),
    },
    detected: {
      outlook: await detectClient('outlook', platform),
      thunderbird: await detectClient('thunderbird', platform),
    },
    canBrowse: context.chooseProgram !== undefined,
  });
  /** Empty: look where the program usually is; otherwise it must be a program. */
  const checked = async (file: string | null) =>
    file ? await checkProgram(file, platform.os) : null;
  return {
    'prefs:get': async (): Promise<WorkstationPrefs> => {
      context.session.require();
      return read();
    },
    'prefs:save': async (
      input: z.output<typeof workstationPrefsSaveInputSchema>,
    ): Promise<WorkstationPrefs> => {
      context.session.require();
      const paths = input.clientPaths && {
        outlook: await checked(input.clientPaths.outlook),
        thunderbird: await checked(input.clientPaths.thunderbird),
      };
      context.prefs.set('workstationName', input.workstationName);
      context.prefs.set('mailMethod', input.mailMethod);
      if (paths) {
        context.prefs.set('outlookPath', paths.outlook);
        context.prefs.set('thunderbirdPath', paths.thunderbird);
      }
      return read();
    },
    'prefs:chooseProgram': async ({
      program,
    }: z.output<typeof chooseProgramInputSchema>): Promise<{ path: string | null }> => {
      context.session.require();
      if (!context.chooseProgram) {
        throw new PliError('INVALID_INPUT', [
          'Dans le navigateur, tapez le chemin complet du programme.',
        ]);
      }
      const name = program === 'outlook' ? 'Outlook' : 'Thunderbird';
      return { path: await context.chooseProgram(`Choisir le programme ${name}`) };
    },
  };
}
