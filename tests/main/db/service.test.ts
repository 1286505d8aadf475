import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseService } from '../../../src/main/db/service';
import { DEMO_ASSOCIATION_NAME } from '../../../src/main/db/demo';
import { EventBus } from '../../../src/main/events';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations';
import type { EventMessage } from '../../../src/shared/contract';
import { tempDir } from '../../helpers';

const dir = tempDir();

function service(name: string) {
  const events = new EventBus();
  const seen: EventMessage[] = [];
  events.subscribe((message) => seen.push(message));
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  return { db: new DatabaseService(path.join(dir, name, 'pli.sqlite'), 'Accueil-1', events), seen };
}

describe('DatabaseService', () => {
  it('reports a missing file as a first start, then creates a demo database and announces it', async () => {
    const { db, seen } = service('demo');
    expect(db.open()).toEqual({ state: 'missing', path: db.path });
    const status = await db.create('demo');
    expect(status).toEqual({ state: 'open', path: db.path, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(seen.at(-1)).toEqual({ name: 'db:changed', payload: status });
    expect(db.connection().prepare('SELECT name FROM association').get()).toEqual({
      name: DEMO_ASSOCIATION_NAME,
    });
    // No temporary file is left beside the database.
    expect(fs.readdirSync(path.dirname(db.path))).toEqual(['pli.sqlite']);
    db.close();
  });

  it('creates an empty database with no demo content', async () => {
    const { db } = service('empty');
    await db.create('empty');
    expect(db.connection().prepare('SELECT name FROM association').get()).toEqual({ name: '' });
    db.close();
  });

  it('opens a database another workstation created meanwhile instead of overwriting it', async () => {
    const { db } = service('demo');
    expect(await db.create('empty')).toMatchObject({ state: 'open' });
    expect(db.connection().prepare('SELECT name FROM association').get()).toEqual({
      name: DEMO_ASSOCIATION_NAME,
    });
    db.close();
  });

  it('turns an unusable file into an error state with the French reason, and recovers on retry', () => {
    const { db } = service('broken');
    fs.mkdirSync(path.dirname(db.path), { recursive: true });
    fs.writeFileSync(db.path, 'pas une base');
    const status = db.open();
    expect(status).toMatchObject({ state: 'error', error: { code: 'DB_NOT_PLI' } });
    expect(() => db.connection()).toThrow(expect.objectContaining({ code: 'DB_NOT_OPEN' }));
    fs.rmSync(db.path);
    expect(db.open()).toEqual({ state: 'missing', path: db.path });
  });
});
