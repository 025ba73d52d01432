/**
 * The pieces of `kfp-ts codegen`'s output: literals that read back as the values they write, the
 * declarations of each kind of input and output, and the clear error when the optional ts-morph
 * package is missing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics.ts';
import { interfaceDeclarations, KfpTsImports, moduleImports } from '../../src/codegen/io-declarations.ts';
import { camelIdentifier, cleanDoc, tsLiteral, tsString, tsTemplate } from '../../src/codegen/ts-literals.ts';
import { Artifact, artifactType, Dataset, input, output, PipelineTaskFinalStatus, z } from '../../src/index.ts';
import { interfaceOf } from '../../src/dsl/interface.ts';

describe('codegen literals', () => {
  it.each(["it's", 'a\\b', 'line\nnext', '`${x}`', '"q"', 'ünï'])('GIVEN %j WHEN written as a string or template literal THEN it reads back the same', (s) => {
    expect(new Function(`return ${tsString(s)};`)()).toBe(s);
    expect(new Function(`return ${tsTemplate(s)};`)()).toBe(s);
  });

  it('GIVEN JSON values WHEN written THEN they read back equal', () => {
    const v = { a: [1, 2.5, 'x'], 'not id': { t: true, n: null }, $ok: {} };
    expect(new Function(`return ${tsLiteral(v)};`)()).toEqual(v);
  });

  it('GIVEN component names WHEN turned into identifiers THEN they are camelCase and valid', () => {
    expect(['xgboost-train', 'Train_model', 'delete', '3d-render', '---'].map(camelIdentifier)).toEqual(['xgboostTrain', 'trainModel', 'deleteComponent', '_3dRender', 'component']);
  });

  it('GIVEN an indented docstring-like description WHEN cleaned THEN it is dedented as inspect.cleandoc does', () => {
    expect(cleanDoc('Train.\n\n    Args:\n        x: the x.\n    ')).toBe('Train.\n\nArgs:\n    x: the x.');
  });
});

describe('codegen declarations', () => {
  it('GIVEN every kind of input and output WHEN declared THEN each reads as a hand-written declaration would', () => {
    const imports = new KfpTsImports();
    const iface = interfaceOf(
      {
        s: z.string(),
        i: z.int().default(3),
        f: z.number().optional(),
        b: z.boolean().default(true),
        l: z.array(z.unknown()).default([1]),
        d: z.record(z.string(), z.unknown()).default({ a: 1 }),
        status: PipelineTaskFinalStatus,
        data: input(Dataset, { optional: true }),
        many: input(Artifact, { list: true }),
        custom: input(artifactType('google.VertexModel')),
        versioned: input(artifactType('google.BQTable', '0.1.0', { pythonClass: 'bq_types.BQTable' })),
      },
      { out: output(Dataset, { list: true }), n: z.int() },
    );
    const decls = interfaceDeclarations(iface, imports, { inputs: new Map([['s', 'The text.']]) });
    expect(decls.inputs.map((d) => [d.name, d.expression, d.docs])).toEqual([
      ['s', 'z.string()', 'The text.'],
      ['i', 'z.int().default(3)', undefined],
      ['f', 'z.number().optional()', undefined],
      ['b', 'z.boolean().default(true)', undefined],
      ['l', 'z.array(z.unknown()).default([1])', undefined],
      ['d', 'z.record(z.string(), z.unknown()).default({ a: 1 })', undefined],
      ['status', 'PipelineTaskFinalStatus', undefined],
      ['data', 'input(Dataset, { optional: true })', undefined],
      ['many', 'input(Artifact, { list: true })', undefined],
      ['custom', "input(artifactType('google.VertexModel'))", undefined],
      ['versioned', "input(artifactType('google.BQTable', '0.1.0', { pythonClass: 'bq_types.BQTable' }))", undefined],
    ]);
    expect(decls.outputs.map((d) => d.expression)).toEqual(['output(Dataset, { list: true })', 'z.int()']);
    expect(moduleImports(imports, 'kfp-ts')).toEqual([
      { from: 'zod', names: [], namespace: 'z' },
      { from: 'kfp-ts', names: ['PipelineTaskFinalStatus', 'input', 'Dataset', 'Artifact', 'artifactType', 'output'] },
    ]);
  });
});

describe('codegen without ts-morph', () => {
  afterEach(() => {
    vi.doUnmock('ts-morph');
    vi.resetModules();
  });

  it('GIVEN ts-morph is not installed WHEN a module is rendered THEN the error says which package to install', async () => {
    vi.resetModules();
    vi.doMock('ts-morph', () => {
      throw new Error("Cannot find package 'ts-morph'");
    });
    const { renderModule } = await import('../../src/codegen/render-module.ts');
    const err = await renderModule({ header: [], imports: [], statements: [] }).catch((e: unknown) => e);
    // A fresh module graph: the error's class is that graph's DiagnosticError subclass.
    expect((err as Error).name).toBe('CodegenError');
    expect((err as DiagnosticError).diagnostics).toEqual([
      {
        code: 'codegen/ts-morph-missing',
        path: ['ts-morph'],
        message: 'kfp-ts codegen needs the ts-morph package, an optional dependency that is not installed: run `npm install --save-dev ts-morph@28.0.0`',
      },
    ]);
  });
});
