import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`, stryker.config.mjs): the ones
 * that run in this process — the unit project, the corpus ports (compiled in-process, compared with
 * kfp's goldens) and the validator's in-process tests. Tests that start the CLI, kfp or the backend
 * for every run (cross cases, CLI, client, backend) are left out: a mutant run would take minutes.
 */
const unit = base.test?.projects?.find((p) => typeof p === 'object' && 'test' in p && p.test?.name === 'unit');
const resolve = unit && typeof unit === 'object' && 'resolve' in unit ? unit.resolve : undefined;

export default mergeConfig(
  { resolve },
  defineConfig({
    test: {
      include: [
        'tests/unit/**/*.test.ts',
        'tests/ports/ports.test.ts',
        'tests/validate/{rules,schema-errors,strictness,yaml,corpus}.test.ts',
      ],
      globalSetup: ['tests/mutation/sandbox-links.ts'],
      // A guard against a mutant that hangs, not a timing assertion: StrykerJS times mutants itself.
      testTimeout: 600_000,
      hookTimeout: 600_000,
    },
  }),
);
