/**
 * No unused code: knip (knip.jsonc) over the repository must find no unused file, dependency, export
 * or exported type, no unlisted dependency or binary, and no stale line of its own configuration.
 * The library's public API is package.json's exports map, read through tsconfig.build.json (which
 * maps dist/ back to src/), so it is listed once. A package planted with one finding of each kind
 * (tests/fixtures/knip/violations) shows that every check can fail.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/repo.ts';

const KNIP = path.join(REPO, 'node_modules', '.bin', 'knip');

function knip(cwd: string, args: readonly string[]) {
  // stryker.config.mjs (read by knip's Stryker plugin) needs a folder to load; any one will do.
  const r = spawnSync(KNIP, ['--no-progress', ...args], { cwd, encoding: 'utf8', env: { ...process.env, KFP_TS_MUTATE: 'compiler' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface KnipJson {
  readonly issues: ReadonlyArray<Record<string, unknown> & { readonly file: string }>;
}

/** `kind: file name` for every finding of knip's JSON report. */
function findings(report: KnipJson): string[] {
  const out: string[] = [];
  for (const issue of report.issues) {
    for (const [kind, value] of Object.entries(issue)) {
      if (!Array.isArray(value)) continue;
      for (const item of value as Array<{ name: string }>) out.push(`${kind}: ${issue.file} ${item.name}`);
    }
  }
  return out.sort();
}

describe('unused code (knip)', () => {
  it('GIVEN the repository WHEN knip runs as npm run lint:unused does THEN it finds nothing', () => {
    const r = knip(REPO, ['--tsConfig', 'tsconfig.build.json', '--treat-config-hints-as-errors']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('GIVEN a package with one finding of each kind WHEN knip runs THEN it reports exactly those and fails', () => {
    const r = knip(path.join(REPO, 'tests', 'fixtures', 'knip', 'violations'), ['--reporter', 'json']);
    expect(r.status).toBe(1);
    expect(findings(JSON.parse(r.stdout) as KnipJson)).toEqual([
      'dependencies: package.json yaml',
      'exports: src/helpers.ts unusedHelper',
      'files: src/orphan.ts src/orphan.ts',
      'types: src/helpers.ts UnusedShape',
      'unlisted: src/helpers.ts js-yaml',
    ]);
  });
});
