/**
 * A pipeline's bundle (src/project/import-typescript.ts) loads the packages kfp-ts itself uses from
 * where kfp-ts is installed, not from the project's node_modules: under pnpm or a `file:`/linked
 * install, `yaml` is not in the project's node_modules, and the bundle, written to the project's
 * node_modules/.cache, once failed with "Cannot find package 'yaml'". And a file of a CommonJS
 * project gets its own __dirname.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importTypeScript } from '../../src/project/import-typescript.ts';
import { REPO } from '../support/repo.ts';

const root = mkdtempSync(path.join(tmpdir(), 'kfp-ts-bundle-externals-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('importTypeScript', () => {
  it('GIVEN a project whose node_modules has no yaml WHEN its pipeline loads a component from IR THEN yaml comes from kfp-ts and the bundle names it by file URL', async () => {
    // GIVEN an empty node_modules (kfp-ts linked from elsewhere) and a pipeline using componentFromIrYaml
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', type: 'module' }));
    writeFileSync(path.join(root, 'make_data.yaml'), readFileSync(path.join(REPO, 'tests', 'cross', 'fixtures', 'loaded_make_data.yaml')));
    const file = path.join(root, 'pipeline.ts');
    writeFileSync(
      file,
      [
        "import { readFileSync } from 'node:fs';",
        "import { componentFromIrYaml, pipeline } from 'kfp-ts';",
        "const makeData = componentFromIrYaml(readFileSync(new URL('./make_data.yaml', import.meta.url), 'utf8'));",
        "export default pipeline({ name: 'p' }, (_p, s) => { s.task(makeData, { rows: 3 }); });",
        '',
      ].join('\n'),
    );
    // WHEN it is bundled and imported
    const mod = await importTypeScript(file);
    // THEN it loaded, and yaml is imported from kfp-ts's own node_modules by URL
    expect((mod.exports.default as { kind?: string }).kind).toBe('pipelineHandle');
    const bundle = readFileSync(path.join(root, 'node_modules', '.cache', 'kfp-ts', readdirBundle(root)), 'utf8');
    expect(bundle).toMatch(/from\s*"file:\/\/[^"]*\/node_modules\/yaml\/[^"]+"/);
  });

  it('GIVEN a CommonJS project file using __dirname WHEN bundled THEN __dirname is its own folder', async () => {
    const dir = path.join(root, 'cjs', 'src');
    mkdirSync(path.join(root, 'cjs', 'node_modules'), { recursive: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(root, 'cjs', 'package.json'), JSON.stringify({ name: 'c', type: 'commonjs' }));
    const file = path.join(dir, 'where.ts');
    writeFileSync(file, "import * as path from 'node:path';\nexport const here = __dirname;\nexport const me = path.basename(__filename);\n");
    const mod = await importTypeScript(file);
    expect(mod.exports.here).toBe(dir);
    expect(mod.exports.me).toBe('where.ts');
  });
});

function readdirBundle(project: string): string {
  return readdirSync(path.join(project, 'node_modules', '.cache', 'kfp-ts')).find((f) => f.endsWith('.mjs'))!;
}
