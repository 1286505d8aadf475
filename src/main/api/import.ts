// residents:importPreview and residents:import: the CSV file arrives as base64 (the contract
// is JSON on both transports); the signed-in user is recorded in the audit of every resident.
import type { z } from 'zod';
import { PliError } from '../../shared/contract';
import { MAX_IMPORT_BYTES, type importInputSchema } from '../../shared/contract/schemas/import';
import type { AppContext } from '../context';
import { importResidents, previewImport } from '../residents/csv/import';

function fileBytes(contentBase64: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  // The schema bounds the base64 text; this bounds what it decodes to.
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new PliError('INVALID_INPUT', ['Le fichier dépasse 10 Mo.']);
  }
  return bytes;
}

export function importHandlers(context: AppContext) {
  return {
    'residents:importPreview': async ({ contentBase64 }: { contentBase64: string }) => {
      context.session.require();
      return previewImport(context.db.connection(), fileBytes(contentBase64));
    },
    'residents:import': async (request: z.output<typeof importInputSchema>) => {
      context.session.require();
      const result = importResidents(context.db.connection(), context.session.actor(), {
        bytes: fileBytes(request.contentBase64),
        mapping: request.mapping,
        defaultFacilityId: request.defaultFacilityId,
      });
      context.db.changed();
      return result;
    },
  };
}
