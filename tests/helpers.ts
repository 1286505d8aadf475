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

/** The forms a password leaks in: as typed, in base64, and inside an SMTP AUTH PLAIN line. */
export function secretForms(user: string, password: string): string[] {
  return [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`\0${user}\0${password}`).toString('base64'),
  ];
}

/** Every file under these folders, and which of them hold one of the forms. */
export function searchFiles(
  dirs: string[],
  forms: string[],
): { files: string[]; holding: string[] } {
  const files = dirs.flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
  const holding = files.filter((file) => {
    const bytes = fs.readFileSync(file);
    return forms.some((form) => bytes.includes(form));
  });
  return { files, holding };
}
