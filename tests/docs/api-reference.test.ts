/**
 * The API reference (`npm run docs`, TypeDoc over the package's entry points) builds with no
 * warning: typedoc.json treats warnings as errors and validates that every export of the public
 * entry points has a doc comment, that links resolve, and that what the API refers to is exported
 * (or listed as internal on purpose).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/repo.ts';

describe('API reference', () => {
  it("TypeDoc's entry points are the package's: one per subpath of the exports map", () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, string | { types?: string }> };
    const fromExports = Object.values(manifest.exports)
      .flatMap((target) => (typeof target === 'object' && target.types !== undefined ? [target.types] : []))
      .map((types) => types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'));
    const config = JSON.parse(readFileSync(path.join(REPO, 'typedoc.json'), 'utf8')) as { entryPoints: string[] };
    expect([...config.entryPoints].sort()).toEqual(fromExports.sort());
  });

  it('TypeDoc documents every public export, with no warning', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--emit', 'none'], { cwd: REPO, encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`;
    expect(output).not.toMatch(/warning|error/i);
    expect(r.status).toBe(0);
  });
});
