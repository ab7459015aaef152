import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The soak suites (tests/soak), which the default config excludes so `npm test` stays fast.
 * `npm run test:soak` runs them with SOAK=1; everything else is the default config.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/soak/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
  },
});
