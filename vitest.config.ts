import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and build suites start their own servers and builds; they need time, not retries.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
