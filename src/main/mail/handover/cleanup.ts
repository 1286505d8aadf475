// The hand-off folders hold invoices of named families: removed a day after they were
// written (the program has long read them by then), at each start and every hour.
import fs from 'node:fs/promises';
import path from 'node:path';
import { HANDOVER_FOLDER } from './draft';

export const KEEP_MS = 24 * 60 * 60 * 1000;

/** Removes the hand-off folders older than `keepMs`; returns how many went. */
export async function cleanHandovers(
  dataDir: string,
  now = Date.now(),
  keepMs = KEEP_MS,
): Promise<number> {
  const base = path.join(dataDir, HANDOVER_FOLDER);
  let entries: string[];
  try {
    entries = await fs.readdir(base);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const folder = path.join(base, entry);
    try {
      const { mtimeMs } = await fs.stat(folder);
      if (now - mtimeMs < keepMs) continue;
      await fs.rm(folder, { recursive: true, force: true });
      removed++;
    } catch {
      // Already gone (another Pli of this workstation), or locked by the program: next time.
    }
  }
  return removed;
}

/** At start, then hourly; the timer never keeps Pli running. Returns the stop function. */
export function scheduleHandoverCleanup(dataDir: string): () => void {
  void cleanHandovers(dataDir);
  const timer = setInterval(() => void cleanHandovers(dataDir), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
