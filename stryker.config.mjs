// @ts-check
/**
 * StrykerJS over one folder of src/ at a time (`npm run mutate`, scripts/mutate.ts, sets
 * KFP_TS_MUTATE to the folder): compiler, emit, validate or dsl. Each folder keeps its own
 * incremental file and reports under test-artifacts/mutation/<folder>/ (git-ignored), so a rerun
 * after a change tests only the mutants whose code or tests changed.
 *
 * Not in CI: a full run takes hours on two cores.
 */
import os from 'node:os';

const FOLDERS = ['compiler', 'emit', 'validate', 'dsl'];
const folder = process.env.KFP_TS_MUTATE ?? '';
if (!FOLDERS.includes(folder)) throw new Error(`KFP_TS_MUTATE must name one of ${FOLDERS.join(', ')} (npm run mutate -- <folder>), not "${folder}"`);
const out = `test-artifacts/mutation/${folder}`;
/** The folders whose static mutants every run measures (see ignoreStatic). */
const STATIC_MEASURED = ['emit'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  // The checker type-checks src/ only (tsconfig.mutation.json): every mutant is in src/, and
  // checking the tests, benches and scripts beside it tripled the checker's time per mutant.
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  mutate: [`src/${folder}/**/*.ts`, '!src/**/generated/**'],
  // Not copied into the sandbox: nothing the mutation run's tests read (the venv and ../shared are
  // linked by tests/mutation/sandbox-links.ts).
  ignorePatterns: ['.venv', 'dist', 'test-artifacts', 'docs/api', 'tests/backend/bin', 'scratch'],
  tempDirName: '.stryker-tmp',
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  // A shared two-core machine: one or two test runners (KFP_TS_MUTATE_CONCURRENCY), and timeouts
  // generous enough that load does not pass for an infinite loop.
  concurrency: Number(process.env.KFP_TS_MUTATE_CONCURRENCY ?? Math.min(2, os.availableParallelism())),
  // A static mutant (in code that runs while its module loads) is measured by running every
  // related test with the mutant on from the start and the modules reloaded
  // (tests/mutation/static-mutants.ts): a minute a mutant here. Affordable for src/emit; for the
  // other folders (hundreds of static mutants each) only those a test also reaches are run, with
  // the mutant switched on at test time, and npm run mutate:score counts their static mutants
  // apart (tests/README.md). KFP_TS_MUTATE_STATIC=1 measures them in any folder.
  ignoreStatic: !(STATIC_MEASURED.includes(folder) || process.env.KFP_TS_MUTATE_STATIC === '1'),
  timeoutFactor: 3,
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 80, break: null },
};
