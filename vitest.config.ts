import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * Four projects, in three groups that run one after the other (sequence.groupOrder), so that
 * real-network tests never compete for the 2 cores with hundreds of fast tests:
 * 1. unit (Node tests of lib/, server/, the extension glue, with WXT's fake browser, and the
 *    bench's report) and components (happy-dom), in parallel;
 * 2. scenarios: members as Node processes over real WebRTC, one file at a time;
 * 3. e2e: real Chromium, one file at a time, because every member is a whole browser profile.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/lib/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/extension/**/*.test.ts',
            'tests/bench/**/*.test.ts',
          ],
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'scenarios',
          environment: 'node',
          include: ['tests/scenarios/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.{ts,tsx}'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
