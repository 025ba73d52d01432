/**
 * The import lines kfp writes into a lightweight component's program for custom artifact classes
 * (python/custom-imports.ts), and the two refusals when it cannot. kfp imports the class's module
 * path up to the symbol the `Input[...]`/`Output[...]` annotation starts with.
 */
import { describe, expect, it } from 'vitest';
import { artifactType, input, output, pythonComponent } from '../../src/index.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { customArtifactImports } from '../../src/compiler/python/custom-imports.ts';
import { parseSignature } from '../../src/python/index.ts';

const Table = artifactType('google.BQTable', '0.0.1', { pythonClass: 'bq_types.BQTable' });
const Deep = artifactType('acme.Deep', '0.0.1', { pythonClass: 'x.y.z.Deep' });
const Bare = artifactType('acme.Bare', '0.0.2');

/** The imports for `def use(<params>)` with the given declarations, and the diagnostics. */
function imports(params: string, decl: { inputs?: Record<string, ReturnType<typeof input>>; outputs?: Record<string, ReturnType<typeof output>> }) {
  const source = `def use(${params}):\n    pass\n`;
  const comp = pythonComponent({ name: 'use', source: { code: source }, ...decl });
  const ds: Diagnostic[] = [];
  const lines = customArtifactImports(comp.node, parseSignature(source)!, ['p', 'use'], 'use.py', (d) => ds.push(d));
  return { lines, ds: ds.map((d) => [d.code, d.path.join('/'), d.message]) };
}

describe('customArtifactImports', () => {
  it('imports the module for a qualified annotation and the class for a bare one, once each', () => {
    expect(imports('t: Input[bq_types.BQTable]', { inputs: { t: input(Table) } })).toEqual({ lines: ['import bq_types'], ds: [] });
    expect(imports('t: Input[BQTable], u: Output[BQTable]', { inputs: { t: input(Table) }, outputs: { u: output(Table) } })).toEqual({ lines: ['from bq_types import BQTable'], ds: [] });
  });

  it('imports the path up to the first symbol of the annotation, however deep', () => {
    expect(imports('d: Input[z.Deep]', { inputs: { d: input(Deep) } }).lines).toEqual(['from x.y import z']);
    expect(imports('d: Input[x.y.Deep]', { inputs: { d: input(Deep) } }).lines).toEqual(['import x']);
  });

  it('reads dsl.- and kfp.dsl.-qualified markers and whitespace inside and before the brackets', () => {
    expect(imports('t: dsl.Input[BQTable]', { inputs: { t: input(Table) } }).lines).toEqual(['from bq_types import BQTable']);
    expect(imports('t: kfp.dsl.Output[BQTable]', { outputs: { t: output(Table) } }).lines).toEqual(['from bq_types import BQTable']);
    expect(imports('t: Input [ BQTable ]', { inputs: { t: input(Table) } }).lines).toEqual(['from bq_types import BQTable']);
  });

  it('does not look inside Optional[...] (kfp neither)', () => {
    expect(imports('t: Optional[Input[BQTable]] = None', { inputs: { t: input(Table, { optional: true }) } })).toEqual({ lines: [], ds: [] });
  });

  it('says which class to declare when the custom type has none', () => {
    expect(imports('t: Input[Bare]', { inputs: { t: input(Bare) } })).toEqual({
      lines: [],
      ds: [[
        'python/custom-artifact-class',
        'p/use/t',
        "'t' has the custom artifact type acme.Bare; kfp imports its Python class into the component program, so declare where it lives: artifactType('acme.Bare', '0.0.2', { pythonClass: 'module.ClassName' })",
      ]],
    });
  });

  it('says how to annotate when the first symbol is not in the class path', () => {
    expect(imports('d: Input[List[Deep]]', { inputs: { d: input(Deep) } }).ds).toEqual([[
      'python/custom-artifact-import',
      'p/use/d',
      "kfp cannot import the class for 'Input[List[Deep]]': its first symbol 'List' is not part of 'x.y.z.Deep'; annotate with the class name (Input[Deep]) or its module (Input[x.y.z.Deep])",
    ]]);
  });
});
