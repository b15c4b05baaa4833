import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 ships CommonJS and ESM side by side without an exports map: Node (and so every
  // dependency) loads the CommonJS build, so the tests' own imports must load that same one.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // The browser tests use the same Neo4j, so they run in this project too.
          include: ['test/integration/**/*.int.test.ts', 'test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/e2e/build-explorer.ts'],
          // One Neo4j serves every file, and files reset it, so they take turns.
          fileParallelism: false,
          // Generous: several test runs share a 2-core machine, and a service test starts its own
          // Neo4j, which under that load can take over a minute.
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
