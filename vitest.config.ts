import { defineConfig } from 'vitest/config';
import { PREACT_ALIAS } from './src/build/preactAlias';

export default defineConfig({
  test: {
    projects: [
      {
        // The components under test render with Preact, as in the built extension.
        resolve: { alias: PREACT_ALIAS },
        test: {
          name: 'unit',
          include: ['tests/core/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/families/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
