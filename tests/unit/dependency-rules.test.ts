/**
 * The architecture rules of .dependency-cruiser.cjs (stage direction, the compiler never importing
 * builders, no folder reaching into another's internals, pure stages, no import circles) hold over
 * src/, and each of them fails on a tree that breaks it (tests/fixtures/architecture/violations).
 *
 * Violations being fixed are listed in .dependency-cruiser-known-violations.json (`npx depcruise src
 * --config .dependency-cruiser.cjs --output-type baseline` writes it); a listed violation that no
 * longer occurs fails the test too, so the list only shrinks. UPDATE_GOLDEN=1 rewrites the list.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { REPO } from '../support/repo.ts';

const config = createRequire(import.meta.url)(path.join(REPO, '.dependency-cruiser.cjs')) as IConfiguration;
const KNOWN = path.join(REPO, '.dependency-cruiser-known-violations.json');
const knownViolations = JSON.parse(readFileSync(KNOWN, 'utf8')) as IViolation[];
const tsConfig = extractTSConfig(path.join(REPO, 'tsconfig.json'));

async function cruiseTree(root: string): Promise<ICruiseResult> {
  const { output } = await cruise(
    ['src'],
    {
      ...config.options,
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
      tsConfig: { fileName: path.join(REPO, 'tsconfig.json') },
    },
    undefined,
    { tsConfig },
  );
  return output as ICruiseResult;
}

/** `rule: from -> to`, one line per violation, sorted. */
const lines = (violations: readonly IViolation[]): string[] =>
  [...new Set(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`))].sort();

const key = (v: IViolation): string => `${v.rule.name}|${v.from}|${v.to}`;

describe('architecture rules', () => {
  it('GIVEN src/ WHEN its imports are cruised THEN no rule is broken but the listed known violations, each of which still occurs', async () => {
    const result = await cruiseTree(REPO);
    expect(result.summary.totalCruised).toBeGreaterThan(150);
    // UPDATE_GOLDEN=1 records what occurs now as the known violations (review the diff).
    if (UPDATE_GOLDEN) writeFileSync(KNOWN, `${JSON.stringify(result.summary.violations, null, 2)}\n`);
    const known = new Set((UPDATE_GOLDEN ? result.summary.violations : knownViolations).map(key));
    const occurring = new Set(result.summary.violations.map(key));
    const unknown = result.summary.violations.filter((v) => !known.has(key(v)));
    expect(lines(unknown), "imports that break .dependency-cruiser.cjs (each rule's comment says how to fix)").toEqual([]);
    const stale = (UPDATE_GOLDEN ? [] : knownViolations).filter((v) => !occurring.has(key(v)));
    expect(lines(stale), 'fixed: remove them from .dependency-cruiser-known-violations.json').toEqual([]);
  });

  it('GIVEN a tree that breaks each rule once WHEN cruised THEN every planted import is reported under its rule, and nothing else', async () => {
    const result = await cruiseTree(path.join(REPO, 'tests', 'fixtures', 'architecture', 'violations'));
    expect(lines(result.summary.violations)).toEqual([
      'cli-on-top: src/client/hook.ts -> src/cli/main.ts',
      'compiler-before-validate-emit: src/compiler/compile.ts -> src/emit/emit.ts',
      'compiler-never-imports-builders: src/compiler/compile.ts -> src/dsl/pipeline.ts',
      'dsl-before-compiler: src/dsl/uses-validate.ts -> src/validate/index.ts',
      'ir-imports-no-stage: src/ir/index.ts -> src/dsl/nodes.ts',
      'ir-through-its-index: src/emit/emit.ts -> src/ir/json.ts',
      'no-circular: src/dsl/circle-a.ts -> src/dsl/circle-b.ts',
      'no-reaching-into-subfolders: src/project/read.ts -> src/compiler/python/source.ts',
      'project-below-cli-only: src/runner/load.ts -> src/project/read.ts',
      'pure-stages-do-no-io: src/compiler/compile.ts -> fs',
      'python-through-its-index: src/compiler/check.ts -> src/python/signature.ts',
      'readers-read-ir: src/graph/draw.ts -> src/dsl/nodes.ts',
      'readers-read-ir: src/runner/load.ts -> src/project/read.ts',
      'readers-use-public-surfaces: src/graph/draw.ts -> src/validate/rules.ts',
      'shared-modules-import-no-stage: src/yaml/read.ts -> src/validate/index.ts',
      'validate-emit-after-compiler: src/validate/index.ts -> src/dsl/nodes.ts',
    ]);
    // Every rule of the configuration is shown failing at least once.
    const shown = new Set(result.summary.violations.map((v) => v.rule.name));
    expect((config.forbidden ?? []).map((r) => r.name).filter((name) => !shown.has(name!))).toEqual([]);
  });
});
