// The renderer build: React from src/renderer into dist/renderer, served by Electron's pli://
// protocol or by the web host.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/renderer',
  base: '/',
  // The icon is served at /pli.svg from the shared resources folder.
  publicDir: '../../resources/icons',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
