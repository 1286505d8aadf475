// Shared test plumbing: throwaway folders removed after each test file, bundled workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tempDir(prefix = 'pli-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A test worker (one simulated workstation) bundled into one ESM file under test-results, so
 * that `node <file>` runs it in its own process and resolves packages from node_modules.
 */
export async function bundleWorker(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.resolve('test-results/workers', `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
