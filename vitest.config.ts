// One runner, one project per test layer (see the README's test table). The fast layers get 30 s per test
// rather than vitest's 5: on CI's two cores they share the machine with the browsers of the e2e layer, and
// a test that spawns the CLI or builds a bundle took 6.5 s there once. Speed is measured in benches.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/shared/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'tools', include: ['test/tools/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'extension', include: ['test/extension/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'apps-script', include: ['test/apps-script/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'google',
          include: ['test/google/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
