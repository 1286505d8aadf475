// `npm run test:reliability`: the scenarios that back Pli's claims (nothing lost, nothing sent
// twice without the same Message-ID, a clear French message for every fault). Each scenario
// file records its row of the table (tests/reliability/record.ts); scripts/reliability.mjs
// prints the table. Files run one at a time, in their numbered order: they spawn processes of
// their own (2-core machines), and the last one searches everything the others left behind.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.scenario.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    sequence: { sequencer: ByName },
  },
});
