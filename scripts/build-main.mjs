// Bundles the main side: the Electron entry and the web host as ES modules that load their
// npm dependencies from node_modules, and the preload as one self-contained CommonJS file
// (a sandboxed preload can require nothing but 'electron').
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: {
      electron: 'src/main/electron/main.ts',
      webhost: 'src/main/webhost/cli.ts',
      demo: 'src/main/db/demo/cli.ts',
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'src/main/electron/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
]);
