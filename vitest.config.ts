import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` is the fast inner loop (pure TypeScript, type-level tests, about a
 * minute); `integration` starts real processes (kfp in the venv, the Go backend, servers);
 * `registry` runs last and checks the diagnostic codes the other two produced against the
 * registry (tests/support/record-diagnostics.ts records them).
 */
const RECORD_CODES = ['tests/support/record-diagnostics.ts'];

const src = (entry: string) => fileURLToPath(new URL(`./src/${entry}`, import.meta.url));

// Tests and the guide's examples import the package by name, as users do: its sources here.
const resolve = {
  alias: [
    { find: /^kfp-ts$/, replacement: src('index.ts') },
    { find: /^kfp-ts\/(client|kubernetes|components|ir|runner)$/, replacement: src('$1/index.ts') },
  ],
};

export default defineConfig({
  test: {
    globalSetup: ['tests/support/clear-produced-codes.ts'],
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          // Projects with different worker limits must run in separate groups.
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.ts', 'tests/types/**/*.test.ts'],
          setupFiles: RECORD_CODES,
          // Hang guards, not time limits: a test that takes a second alone takes tens of seconds on
          // a loaded two-core machine, and no test asserts on time (tests/README.md).
          testTimeout: 600_000,
          hookTimeout: 600_000,
          typecheck: { enabled: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: './tests/types/tsconfig.json' },
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          // The CLI runs from dist/, as for users: built first when src/ changed.
          globalSetup: ['tests/support/build-dist.ts'],
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**', 'tests/types/**', 'tests/registry/**', '**/node_modules/**'],
          setupFiles: RECORD_CODES,
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'registry',
          sequence: { groupOrder: 2 },
          include: ['tests/registry/**/*.test.ts'],
        },
      },
    ],
  },
});
