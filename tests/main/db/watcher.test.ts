// Another workstation's change becomes an event on this one, without restarting.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/main/db/audit';
import { ChangeWatcher } from '../../../src/main/db/watcher';
import { EventBus } from '../../../src/main/events';
import type { EventMessage } from '../../../src/shared/contract';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

describe('change watcher', () => {
  it('emits the audit rows another connection commits, once each', async () => {
    const { db, file } = seededDatabase(tempDir());
    const events = new EventBus();
    const seen: EventMessage[] = [];
    events.subscribe((message) => seen.push(message));
    const watcher = new ChangeWatcher(db, events);
    watcher.start(50);

    const other = new Database(file);
    other.transaction(() => {
      other
        .prepare("UPDATE facilities SET name = 'EHPAD Les Tilleuls (Nantes)' WHERE id = 1")
        .run();
      audit(other, actor('ACCUEIL-2'), { entity: 'facility', entityId: 1, action: 'update' });
    })();
    await expect.poll(() => seen.length, { timeout: 2000 }).toBe(1);
    expect(seen[0]).toMatchObject({
      name: 'data:changed',
      payload: {
        changes: [{ entity: 'facility', entityId: 1, action: 'update', workstation: 'ACCUEIL-2' }],
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toHaveLength(1);

    // A local write is announced at once through poll().
    audit(db, actor('ACCUEIL-1'), { entity: 'resident', entityId: 7, action: 'create' });
    watcher.poll();
    expect(seen[1]).toMatchObject({
      payload: { changes: [{ workstation: 'ACCUEIL-1', entityId: 7 }] },
    });
    watcher.stop();
    other.close();
    db.close();
  });
});
