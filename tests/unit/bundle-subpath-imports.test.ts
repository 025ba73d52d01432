/**
 * A pipeline file importing through its package.json's "imports" field (`#lib/…`) or a tsconfig
 * `paths` alias (`@lib/…`) is bundled like any local import (src/project/import-typescript.ts):
 * such a specifier is not a package to leave external or to look for in node_modules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importTypeScript } from '../../src/project/import-typescript.ts';

const root = mkdtempSync(path.join(tmpdir(), 'kfp-ts-subpath-imports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('importTypeScript', () => {
  it('bundles a #-specifier mapped by package.json "imports"', async () => {
    // GIVEN a project with a node_modules folder whose pipeline imports a component as '#lib/comp.ts'
    mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    mkdirSync(path.join(root, 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', type: 'module', imports: { '#lib/*': './lib/*' } }));
    writeFileSync(
      path.join(root, 'lib', 'comp.ts'),
      "import { containerComponent } from 'kfp-ts';\nexport const hello = containerComponent({ name: 'hello', implementation: () => ({ image: 'alpine', command: ['echo'] }) });\n",
    );
    const file = path.join(root, 'pipeline.ts');
    writeFileSync(file, "import { pipeline } from 'kfp-ts';\nimport { hello } from '#lib/comp.ts';\nexport default pipeline({ name: 'p' }, (_p, s) => { s.task(hello, {}); });\n");
    // WHEN the file is imported through the bundler
    const mod = await importTypeScript(file);
    // THEN it loads, and its default export is the pipeline
    expect((mod.exports.default as { kind?: string }).kind).toBe('pipelineHandle');
  });

  it('bundles an alias mapped by tsconfig "paths"', async () => {
    // GIVEN a project whose pipeline imports its name from '@lib/name' through tsconfig paths
    const dir = path.join(root, 'aliased');
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    mkdirSync(path.join(dir, 'lib'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'a', type: 'module' }));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } }));
    writeFileSync(path.join(dir, 'lib', 'name.ts'), "export const NAME = 'from-alias';\n");
    const file = path.join(dir, 'pipeline.ts');
    writeFileSync(file, "import { pipeline } from 'kfp-ts';\nimport { NAME } from '@lib/name';\nexport default pipeline({ name: NAME }, () => {});\n");
    // WHEN the file is imported through the bundler
    const mod = await importTypeScript(file);
    // THEN the alias was bundled from the project's file
    expect((mod.exports.default as { name?: string }).name).toBe('from-alias');
  });
});
