/**
 * What a pipeline returns is checked against its declared outputs with kfp's rules
 * (`_validate_dag_output_types`): equal parameter types, artifacts of the same type and list-ness,
 * the generic Artifact matching any type. The types catch these in TypeScript; the compiler
 * catches them for `as any` and plain JavaScript, as kfp does at compile time.
 */
import { describe, expect, it } from 'vitest';
import { Artifact, Dataset, Model, collected, containerComponent, output, pipeline, z } from '../../src/index.ts';
import { codesAndPaths, compileErrors, compileOk, fit, make } from './support.ts';

const anything = containerComponent({
  name: 'anything',
  outputs: { thing: output(Artifact), count: z.int() },
  implementation: ({ outputs }) => ({ image: 'alpine', command: ['make', outputs.thing.path, outputs.count.path] }),
});

describe('pipeline output types', () => {
  it('reports an artifact of another type as pipeline/output-type', () => {
    // GIVEN a pipeline that returns fit's Model as its Dataset output
    const p = pipeline({ name: 'model-as-dataset', outputs: { x: output(Dataset) } }, (_p, s) => {
      const m = s.task(make, {});
      const f = s.task(fit, { data: m.outputs.data, n: 1 });
      return { x: f.outputs.model as any };
    });
    // WHEN compiled  THEN kfp's "cannot be surfaced as pipeline output type" is reported at the output
    expect(codesAndPaths(compileErrors(p))).toEqual([['pipeline/output-type', 'model-as-dataset/outputs/x']]);
  });

  it('lets the generic Artifact through on either side, as kfp does', () => {
    // GIVEN an Artifact returned as a Dataset, and a Dataset returned as an Artifact (both type-check)
    const p = pipeline({ name: 'generic', outputs: { a: output(Dataset), b: output(Artifact) } }, (_p, s) => {
      const t = s.task(anything, {});
      const m = s.task(make, {});
      return { a: t.outputs.thing, b: m.outputs.data };
    });
    // THEN it compiles
    compileOk(p);
  });

  it('reports a parameter type that differs, an int as a float included', () => {
    const p = pipeline({ name: 'int-as-float', outputs: { n: z.number(), s: z.string() } }, (_p, s) => {
      const t = s.task(anything, {});
      return { n: t.outputs.count as any, s: t.outputs.count as any };
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([
      ['pipeline/output-type', 'int-as-float/outputs/n'],
      ['pipeline/output-type', 'int-as-float/outputs/s'],
    ]);
  });

  it('reports a list of artifacts returned as one artifact, and an artifact returned as a parameter', () => {
    const p = pipeline({ name: 'lists', outputs: { one: output(Dataset), param: z.string() } }, (_p, s) => {
      const t = s.parallelFor([1, 2], (n, s) => s.task(make, { n }));
      return { one: collected(t.outputs.data) as any, param: t.outputs.data as any };
    });
    expect(codesAndPaths(compileErrors(p)).filter(([code]) => code === 'pipeline/output-type')).toEqual([
      ['pipeline/output-type', 'lists/outputs/one'],
      ['pipeline/output-type', 'lists/outputs/param'],
    ]);
  });

  it('checks a pipeline used as a component too', () => {
    const inner = pipeline({ name: 'inner', outputs: { m: output(Model) } }, (_p, s) => {
      return { m: s.task(make, {}).outputs.data as any };
    });
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      s.task(inner, {});
    });
    expect(codesAndPaths(compileErrors(outer)).map(([code]) => code)).toContain('pipeline/output-type');
  });
});
