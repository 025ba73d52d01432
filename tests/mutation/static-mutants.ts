/**
 * Lets a mutation run show a static mutant: one in code that runs while its module loads (a
 * module-level regular expression, Set or table). StrykerJS switches such a mutant on before the
 * test files load ("static" activation), but the test files of a run share one module graph
 * (vitest.mutation.config.ts, `isolate: false`), so the mutated module would never be evaluated
 * again: it was loaded, unmutated, by an earlier run. This setup file, run before each test file,
 * drops the loaded modules in a static run, so the test file imports them afresh with the mutant
 * on, and once more in the first run after one, so no later mutant sees the modules the static one
 * changed. Runs with a mutant switched on at test time keep the shared module graph (fast).
 */
import { inject, vi } from 'vitest';

interface StrykerNamespace {
  activeMutant?: string;
}

// StrykerJS's vitest runner provides these to the workers (ctx.provide), in mutation runs only.
const provided = inject as unknown as (key: string) => unknown;
const activation = provided('mutantActivation');
const globalNamespace = provided('globalNamespace');

const state = globalThis as { __kfpTsModulesMutated?: boolean } & Record<string, unknown>;

if (activation === 'static' || state.__kfpTsModulesMutated) {
  // A run that switches its mutant on at test time sets it in a beforeAll hook, after the test
  // file's imports: the reloaded modules must not see the previous run's static mutant.
  const ns = typeof globalNamespace === 'string' ? (state[globalNamespace] as StrykerNamespace | undefined) : undefined;
  if (activation !== 'static' && ns) ns.activeMutant = undefined;
  vi.resetModules();
}
state.__kfpTsModulesMutated = activation === 'static';
