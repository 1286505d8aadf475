// Scenario 6, run last: after every other scenario, the SMTP passwords they used (the right one
// and the wrong one typed in the fault matrix) are in no file of their data folders, in no
// worker's output and in no contract result they recorded — as typed, in base64, or inside an
// AUTH PLAIN line. The search itself is checked on a planted copy first, so it cannot pass by
// reading nothing.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SMTP_PASSWORD, SMTP_USER } from '../fixtures/mail-app';
import { searchFiles, secretForms, tempDir } from '../helpers';
import { FAULT_AUTH, record, transcriptFiles, WORK, WRONG_PASSWORD } from './record';

const forms = [
  ...secretForms(SMTP_USER, SMTP_PASSWORD),
  ...secretForms(FAULT_AUTH.user, FAULT_AUTH.pass),
  ...secretForms(FAULT_AUTH.user, WRONG_PASSWORD),
];

it('finds no SMTP password in the data folders, the outputs or the contract results', () => {
  const planted = tempDir('pli-planted-');
  fs.writeFileSync(path.join(planted, 'trace.log'), `AUTH PLAIN ${forms[2]}\r\n`);
  expect(searchFiles([planted], forms).holding).toHaveLength(1);

  const transcripts = transcriptFiles();
  const { files, holding } = searchFiles([WORK, path.dirname(transcripts[0] ?? WORK)], forms);
  expect(files.filter((f) => f.endsWith('.sqlite')).length).toBeGreaterThanOrEqual(3);
  expect(transcripts.length).toBeGreaterThanOrEqual(2);
  expect(holding, 'files holding a password').toEqual([]);
  record({
    scenario: `6. secrets : ${files.length} fichiers fouillés`,
    runs: 1,
    messages: 0,
    delivered: 0,
    duplicates: 0,
    sameMessageId: null,
    lost: 0,
    errors: holding.length === 0 ? 'mot de passe trouvé nulle part' : holding.join(', '),
  });
});
