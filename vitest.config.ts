// Unit and integration tests of the main side and shared code, on real parts (SQLite files,
// HTTP on loopback). Browser end-to-end tests are Playwright's (e2e/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
