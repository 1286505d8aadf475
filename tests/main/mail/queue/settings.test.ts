// The association's default pace on a real file: defaults until saved, a save bumps the version
// kept inside the value, a save from an older page is refused with what changed and by whom,
// and a value written before versions existed still reads (as version 0).
import { describe, expect, it } from 'vitest';
import {
  getQueueSettings,
  loadQueueSettings,
  saveQueueSettings,
} from '../../../../src/main/mail/queue/settings';
import { DEFAULT_QUEUE_SETTINGS, PliError } from '../../../../src/shared/contract';
import { actor, seededDatabase } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';

const admin = actor('POSTE-ADMIN', 1, 'Claire Martin');
const slow = { intervalMs: 5000, pauseEvery: 20, pauseMs: 60_000, dailyCap: 450 };

describe('the default pace', () => {
  it('is versioned: saved, read back, and a stale save refused with the change', () => {
    const { db } = seededDatabase(tempDir());
    expect(getQueueSettings(db)).toEqual({ ...DEFAULT_QUEUE_SETTINGS, version: null });

    expect(saveQueueSettings(db, admin, slow, null)).toEqual({ ...slow, version: 1 });
    expect(loadQueueSettings(db)).toEqual(slow);

    const other = actor('POSTE-2', 1, 'Claire Martin');
    saveQueueSettings(db, other, { ...slow, intervalMs: 3000 }, 1);
    let refused: unknown;
    try {
      saveQueueSettings(db, admin, { ...slow, dailyCap: null }, 1);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(PliError);
    expect((refused as PliError).code).toBe('RECORD_CHANGED');
    expect((refused as PliError).details).toContainEqual(
      expect.stringMatching(/^Délai entre deux messages \(ms\) : 5000 → 3000 \(Claire Martin/),
    );
    expect(getQueueSettings(db)).toEqual({ ...slow, intervalMs: 3000, version: 2 });
  });

  it('reads a value saved before versions, and saves over it from version null', () => {
    const { db } = seededDatabase(tempDir());
    db.prepare("INSERT INTO association_settings (key, value) VALUES ('mail_queue', ?)").run(
      JSON.stringify(slow),
    );
    expect(getQueueSettings(db)).toEqual({ ...slow, version: null });
    expect(saveQueueSettings(db, admin, { ...slow, pauseEvery: 0 }, null).version).toBe(1);
  });
});
