// Statements compiled once per connection. The send loop runs the same few statements in two
// transactions per message; better-sqlite3's prepare() compiles the SQL again on every call,
// which cost about as much as running the statements themselves (bench/pipeline.ts). Only
// constant SQL goes through here: the cache is keyed by its text and never emptied.
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
