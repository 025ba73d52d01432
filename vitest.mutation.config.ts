import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`, stryker.config.mjs): the unit
 * project, and the in-process tests of the folder being mutated (KFP_TS_MUTATE, set by
 * scripts/mutate.ts): the corpus ports (compiled in-process, compared with kfp's goldens) for the
 * compiler and the DSL, the validator's in-process tests for validate, the float text against
 * Python (one Python process for 20,000 doubles) for emit. Tests that start the CLI, kfp or the
 * backend for every run (cross cases, CLI, client, backend) are left out: a mutant run would take
 * minutes. For emit the ports are left out too: they compare parsed YAML, and the block writer's
 * unit test already writes every corpus document and compares the text byte for byte.
 */
const FOLDER_TESTS: Readonly<Record<string, readonly string[]>> = {
  compiler: ['tests/ports/ports.test.ts'],
  dsl: ['tests/ports/ports.test.ts'],
  emit: ['tests/yaml-readers/float-text.test.ts'],
  validate: ['tests/validate/{rules,schema-errors,strictness,yaml,corpus}.test.ts'],
};
const folderTests = FOLDER_TESTS[process.env['KFP_TS_MUTATE'] ?? ''] ?? Object.values(FOLDER_TESTS).flat();

const unit = base.test?.projects?.find((p) => typeof p === 'object' && 'test' in p && p.test?.name === 'unit');
const resolve = unit && typeof unit === 'object' && 'resolve' in unit ? unit.resolve : undefined;

export default mergeConfig(
  { resolve },
  defineConfig({
    test: {
      include: ['tests/unit/**/*.test.ts', ...new Set(folderTests)],
      globalSetup: ['tests/mutation/sandbox-links.ts'],
      setupFiles: ['tests/mutation/static-mutants.ts'],
      isolate: process.env['KFP_TS_MUTATE_ISOLATE'] === '1',
      // A guard against a mutant that hangs, not a timing assertion: StrykerJS times mutants itself.
      testTimeout: 600_000,
      hookTimeout: 600_000,
    },
  }),
);
