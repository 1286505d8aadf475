// The send loop's wait for the shared folder (share.ts), on a real file renamed away and back:
// a step failing while the file is gone is redone once it is back, with the loss told both
// ways; a failure while the file is there is the step's own and goes through.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { withShare } from '../../../../src/main/mail/queue/share';
import { systemClock } from '../../../../src/main/mail/queue/types';
import { seededDatabase } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';

it('waits for the folder to come back and redoes the step', async () => {
  const dir = path.join(tempDir('pli-share-'), 'partage');
  fs.mkdirSync(dir);
  const { db } = seededDatabase(dir);
  const told: boolean[] = [];
  const watch = {
    db,
    clock: systemClock,
    pollMs: 20,
    onChange: (lost: boolean) => told.push(lost),
  };
  fs.renameSync(dir, `${dir}.parti`);
  setTimeout(() => fs.renameSync(`${dir}.parti`, dir), 200);
  let tries = 0;
  // A write needs the journal beside the file: it fails while the folder is away.
  const result = await withShare(watch, () => {
    tries++;
    db.prepare("UPDATE facilities SET name = 'EHPAD Les Tilleuls (Blois)' WHERE id = 1").run();
    return 'écrit';
  });
  expect(result).toBe('écrit');
  expect(tries).toBe(2);
  expect(told).toEqual([true, false]);

  await expect(
    withShare(watch, () => {
      throw new Error('PDF absent');
    }),
  ).rejects.toThrow('PDF absent');
  expect(told).toEqual([true, false]);
  db.close();
});
