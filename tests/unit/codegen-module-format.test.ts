/**
 * How a generated module names a file beside itself: `import.meta.url` in an ES module, `__dirname`
 * in a CommonJS one (where `import.meta` is TS1470), and which of the two a project's file is, as
 * Node and TypeScript's nodenext decide it (the extension, else the nearest package.json's type).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { besideModule } from '../../src/codegen/beside-module.ts';
import { yamlComponentModule } from '../../src/codegen/yaml-component-module.ts';
import { renderModule } from '../../src/codegen/render-module.ts';
import { moduleFormatOf } from '../../src/cli/module-format.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-module-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMPONENT = ['name: echo', 'inputs:', '- {name: msg, type: String}', 'implementation:', '  container:', '    image: alpine', '    command: [echo, {inputValue: msg}]', ''].join('\n');

describe('a file beside the generated module', () => {
  it('GIVEN an ES module WHEN it names ./x.yaml or ../py/x.py THEN new URL(…, import.meta.url)', () => {
    expect(besideModule('./x.yaml', 'esm')).toBe(`new URL('./x.yaml', ${['import', 'meta', 'url'].join('.')})`);
    expect(besideModule('../py/x.py', 'esm')).toBe(`new URL('../py/x.py', ${['import', 'meta', 'url'].join('.')})`);
  });

  it('GIVEN a CommonJS module WHEN it names the same files THEN __dirname joined with the path, which evaluates to the file', () => {
    expect(besideModule('./x.yaml', 'cjs')).toBe("__dirname + '/x.yaml'");
    expect(besideModule("../it's/x.py", 'cjs')).toBe("__dirname + '/../it\\'s/x.py'");
    const at = new Function('__dirname', `return ${besideModule('../py/x.py', 'cjs')};`)('/p/src') as string;
    expect(path.posix.normalize(at)).toBe('/p/py/x.py');
  });

  it('GIVEN a component YAML module for a CommonJS project WHEN rendered THEN it has no import.meta', async () => {
    const options = { text: COMPONENT, origin: { kind: 'file', fromModule: './echo.yaml' } as const, sourceName: 'echo.yaml', importFrom: 'kfp-ts', header: ['test'] };
    const cjs = await renderModule(yamlComponentModule({ ...options, moduleFormat: 'cjs' }));
    expect(cjs).toContain("loadComponentFromFile(__dirname + '/echo.yaml', {");
    expect(cjs).not.toContain('import.meta');
    expect(await renderModule(yamlComponentModule(options))).toContain(`loadComponentFromFile(new URL('./echo.yaml', ${['import', 'meta', 'url'].join('.')}), {`);
  });
});

describe('moduleFormatOf', () => {
  const project = (name: string, manifest: object | string | undefined): string => {
    const root = path.join(dir, name);
    mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
    if (manifest !== undefined) writeFileSync(path.join(root, 'package.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
    return root;
  };

  it('GIVEN the nearest package.json WHEN its type is module, commonjs or absent THEN esm, cjs, cjs', () => {
    expect(moduleFormatOf(path.join(project('esm', { type: 'module' }), 'src', 'deep', 'x.ts'))).toBe('esm');
    expect(moduleFormatOf(path.join(project('cjs', { type: 'commonjs' }), 'src', 'x.ts'))).toBe('cjs');
    expect(moduleFormatOf(path.join(project('untyped', { name: 'u' }), 'src', 'x.ts'))).toBe('cjs');
  });

  it('GIVEN no package.json up to the root (a scratch folder) WHEN asked THEN esm, kfp-ts\'s own kind', () => {
    expect(moduleFormatOf(path.join(project('loose', undefined), 'src', 'x.ts'))).toBe('esm');
  });

  it('GIVEN .mts or .cts WHEN in a package of the other kind THEN the extension decides', () => {
    expect(moduleFormatOf(path.join(project('cjs-mts', {}), 'x.mts'))).toBe('esm');
    expect(moduleFormatOf(path.join(project('esm-cts', { type: 'module' }), 'x.cts'))).toBe('cjs');
  });

  it('GIVEN a nested package.json WHEN it is nearer than the outer one THEN it decides', () => {
    const outer = project('outer', { type: 'module' });
    mkdirSync(path.join(outer, 'legacy'));
    writeFileSync(path.join(outer, 'legacy', 'package.json'), '{}');
    expect(moduleFormatOf(path.join(outer, 'legacy', 'x.ts'))).toBe('cjs');
    expect(moduleFormatOf(path.join(outer, 'src', 'x.ts'))).toBe('esm');
  });
});
