/**
 * Checks that run before lowering, for mistakes the types cannot see (plain JavaScript, `as any`,
 * handles reused across pipelines): each is a diagnostic with a stable code and the path of the
 * task or input concerned, and the compiler returns no spec.
 */
import { describe, expect, it } from 'vitest';
import { Artifact, Dataset, containerComponent, eq, input, pipeline, z } from '../../src/index.ts';
import { artifactChannel } from '../../src/dsl/channels.ts';
import { codesAndPaths, compileErrors, compileOk, echo, fit, make } from './support.ts';

describe('graph checks', () => {
  it('reports a cycle made with .after() as graph/cycle at the first task of the cycle', () => {
    // GIVEN make → fit by data, and make.after(fit)
    const p = pipeline({ name: 'cycle' }, (_p, s) => {
      const a = s.task(make, {});
      const b = s.task(fit, { data: a.outputs.data, n: 1 });
      a.after(b);
    });
    // WHEN compiled  THEN one cycle is reported
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/cycle', 'cycle/make']]);
  });

  it('reports a task that runs after itself as graph/cycle', () => {
    const p = pipeline({ name: 'self-cycle' }, (_p, s) => {
      const a = s.task(echo, {});
      a.after(a);
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/cycle', 'self-cycle/echo']]);
  });

  it('reports an unknown input name passed from plain JavaScript as task/unknown-input', () => {
    const p = pipeline({ name: 'unknown-input' }, (_p, s) => {
      const a = s.task(make, {});
      s.task(fit, { data: a.outputs.data, n: 1, n_estimators: 3 } as any);
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/unknown-input', 'unknown-input/fit/inputs/n_estimators']]);
  });

  it('reports a constant of the wrong type as task/type-mismatch', () => {
    // GIVEN '3' (a string) and 2.5 (not an integer) for the int input n
    for (const bad of ['3', 2.5, true, [1]]) {
      const p = pipeline({ name: 'wrong-constant' }, (_p, s) => {
        const a = s.task(make, {});
        s.task(fit, { data: a.outputs.data, n: bad as any });
      });
      expect(codesAndPaths(compileErrors(p)), JSON.stringify(bad)).toEqual([['task/type-mismatch', 'wrong-constant/fit/inputs/n']]);
    }
  });

  it('reports a run-time value of the wrong type as task/type-mismatch, an int into a double included', () => {
    const strIntoInt = pipeline({ name: 'wrong-channel', inputs: { text: z.string() } }, (p, s) => {
      const a = s.task(make, {});
      s.task(fit, { data: a.outputs.data, n: p.text as any });
    });
    expect(codesAndPaths(compileErrors(strIntoInt))).toEqual([['task/type-mismatch', 'wrong-channel/fit/inputs/n']]);
    const modelIntoDataset = pipeline({ name: 'wrong-artifact' }, (_p, s) => {
      const a = s.task(make, {});
      const b = s.task(fit, { data: a.outputs.data, n: 1 });
      s.task(fit, { data: b.outputs.model as any, n: 1 });
    });
    expect(codesAndPaths(compileErrors(modelIntoDataset))).toEqual([['task/type-mismatch', 'wrong-artifact/fit-2/inputs/data']]);
    // GIVEN an int channel into a double input  THEN it is refused, as kfp 2.17.3 refuses it ("Argument
    // type 'NUMBER_INTEGER' is incompatible with the input type 'NUMBER_DOUBLE'")
    const scale = containerComponent({
      name: 'scale',
      inputs: { rate: z.number() },
      implementation: ({ inputs }) => ({ image: 'alpine', command: ['scale', inputs.rate] }),
    });
    const intIntoDouble = pipeline({ name: 'int-into-double', inputs: { n: z.int() } }, (p, s) => {
      s.task(scale, { rate: p.n });
    });
    expect(codesAndPaths(compileErrors(intIntoDouble))).toEqual([['task/type-mismatch', 'int-into-double/scale/inputs/rate']]);
    // but a double channel and a whole-number constant compile (JavaScript has no separate int constant)
    const doubles = pipeline({ name: 'doubles', inputs: { x: z.number() } }, (p, s) => {
      s.task(scale, { rate: p.x });
      s.task(scale, { rate: 1 });
    });
    compileOk(doubles);
  });

  it('lets a generic Artifact into an input of any artifact type, as kfp does', () => {
    // GIVEN a pipeline input of the generic type system.Artifact passed to fit's Dataset input
    const artifactIntoDataset = pipeline({ name: 'artifact-into-dataset', inputs: { thing: input(Artifact) } }, (p, s) => {
      s.task(fit, { data: p.thing, n: 1 });
    });
    // WHEN compiled  THEN there is no task/type-mismatch (kfp's check_artifact_type_compatibility)
    compileOk(artifactIntoDataset);
    // but a list of generic Artifacts still does not go into a single Dataset
    const listIntoDataset = pipeline({ name: 'artifacts-into-dataset', inputs: { things: input(Artifact, { list: true }) } }, (p, s) => {
      s.task(fit, { data: p.things as any, n: 1 });
    });
    expect(codesAndPaths(compileErrors(listIntoDataset))).toEqual([['task/type-mismatch', 'artifacts-into-dataset/fit/inputs/data']]);
  });

  it('reports a parameter passed to an artifact input, and an artifact to a parameter, as task/kind-mismatch', () => {
    const p = pipeline({ name: 'kinds', inputs: { text: z.string(), data: input(Dataset) } }, (p, s) => {
      s.task(fit, { data: p.text as any, n: p.data as any });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([
      ['task/kind-mismatch', 'kinds/fit/inputs/data'],
      ['task/kind-mismatch', 'kinds/fit/inputs/n'],
    ]);
  });

  it('reports a missing required input as task/missing-input', () => {
    const p = pipeline({ name: 'missing' }, (_p, s) => {
      s.task(fit, { n: 1 } as any);
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/missing-input', 'missing/fit/inputs/data']]);
  });

  it('reports a reference to an output the producer does not have as task/unknown-output', () => {
    // GIVEN a channel that names an output 'modle' of the make task (made with the builders' own
    // channel function: a hand-written object is refused as a fake before the compiler sees it)
    const p = pipeline({ name: 'unknown-output' }, (_p, s) => {
      const a = s.task(make, {});
      const typo = artifactChannel({ kind: 'taskOutput', taskId: a.id, output: 'modle' }, a.outputs.data.artifactType, false);
      s.task(fit, { data: typo as any, n: 1 });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/unknown-output', 'unknown-output/fit/inputs/data']]);
  });

  it('reports an unknown output name read in plain JavaScript (task.outputs.modle) as task/unknown-output', () => {
    // GIVEN plain JavaScript reading a misspelt output of make and passing it on
    const p = pipeline({ name: 'unknown-output-js' }, (_p, s) => {
      const a = s.task(make, {});
      s.task(fit, { data: (a.outputs as any).dataa, n: 1 });
    });
    // THEN the misspelt name is reported as an unknown output (not as a missing input)
    const ds = compileErrors(p);
    expect(ds.map((d) => d.code)).toEqual(['task/unknown-output']);
    expect(ds[0]?.path).toEqual(['unknown-output-js', 'fit', 'inputs', 'data']);
    expect(ds[0]?.message).toContain("'dataa'");
  });

  it('does not silently drop an optional input wired to an unknown output name in plain JavaScript', () => {
    // GIVEN an optional input given `task.outputs.<typo>`, which is undefined in JavaScript
    const p = pipeline({ name: 'unknown-output-optional' }, (_p, s) => {
      const a = s.task(make, {});
      s.task(make, { n: (a.outputs as any).scor });
    });
    // THEN it is an error rather than a pipeline with the input left unconnected
    expect(compileErrors(p).map((d) => d.code)).toEqual(['task/unknown-output']);
  });

  /** A make task built in another pipeline's body (its builder id is `t1` there). */
  function foreignMake(): any {
    let foreign: any;
    pipeline({ name: 'other' }, (_p, s) => {
      foreign = s.task(make, {});
    }).build();
    return foreign;
  }

  it('reports a task of another pipeline as task/dangling-reference', () => {
    // GIVEN fit, the first task here, consuming a task handle from another pipeline
    const foreign = foreignMake();
    const p = pipeline({ name: 'dangling' }, (_p, s) => {
      s.task(fit, { data: foreign.outputs.data, n: 1 });
    });
    // THEN the reference is dangling (not an unknown output of fit itself, nor a cycle)
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/dangling-reference', 'dangling/fit/inputs/data']]);
  });

  it('does not wire a task of another pipeline to the local task that has the same builder id', () => {
    // GIVEN a local make task (first here, like the foreign one there) and fit consuming the foreign one
    const foreign = foreignMake();
    const p = pipeline({ name: 'dangling-same-id' }, (_p, s) => {
      s.task(make, { n: 5 });
      s.task(fit, { data: foreign.outputs.data, n: 1 });
    });
    // THEN it is reported rather than compiled with fit reading the local make's output
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/dangling-reference', 'dangling-same-id/fit/inputs/data']]);
  });

  it('reports an invalid pipeline name as pipeline/invalid-name and accepts the edges of the rule', () => {
    // GIVEN names the backend rejects (^[a-z0-9][a-z0-9-]{0,127}$)
    for (const name of ['My-Pipeline', 'my_pipeline', '-leading', '', 'a'.repeat(129), 'pipe line', 'ümlaut']) {
      const p = pipeline({ name }, (_p, s) => void s.task(echo, {}));
      expect(codesAndPaths(compileErrors(p)), name).toEqual([['pipeline/invalid-name', `${name}/name`]]);
    }
    // and names it accepts
    for (const name of ['a', '0', 'trailing-', 'a'.repeat(128)]) compileOk(pipeline({ name }, (_p, s) => void s.task(echo, {})));
  });

  it('reports a dependency on a task inside a condition from outside it as graph/cross-group-dependency', () => {
    // GIVEN fit (at the root) consuming the output of make (inside a condition)
    const byData = pipeline({ name: 'cross-data', inputs: { go: z.string() } }, (p, s) => {
      let inner: any;
      s.if(eq(p.go, 'y'), (s) => {
        inner = s.task(make, {});
      });
      s.task(fit, { data: inner.outputs.data, n: 1 });
    });
    expect(codesAndPaths(compileErrors(byData))).toEqual([['graph/cross-group-dependency', 'cross-data/fit']]);
    // and the same with .after() instead of data
    const byAfter = pipeline({ name: 'cross-after', inputs: { go: z.string() } }, (p, s) => {
      let inner: any;
      s.if(eq(p.go, 'y'), (s) => {
        inner = s.task(echo, {});
      });
      s.task(make, {}).after(inner);
    });
    expect(codesAndPaths(compileErrors(byAfter))).toEqual([['graph/cross-group-dependency', 'cross-after/make']]);
  });

  it('lets a task inside a condition depend on a task outside it', () => {
    const p = pipeline({ name: 'into-group', inputs: { go: z.string() } }, (p, s) => {
      const a = s.task(make, {});
      s.if(eq(p.go, 'y'), (s) => void s.task(fit, { data: a.outputs.data, n: 1 }));
    });
    const spec = compileOk(p);
    expect(spec.root.dag.tasks['condition-1'].dependentTasks).toEqual(['make']);
  });

  it('reports a default value of the wrong type as pipeline/default-type', () => {
    const p = pipeline({ name: 'bad-default', inputs: { n: z.int().default('many' as any) } }, (_p, s) => void s.task(echo, {}));
    expect(codesAndPaths(compileErrors(p))).toEqual([['pipeline/default-type', 'bad-default/inputs/n']]);
  });

  it('reports a pipeline body that throws as dsl/body-threw, without throwing itself', () => {
    const p = pipeline({ name: 'throws' }, () => {
      throw new Error('boom');
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['dsl/body-threw', 'throws']]);
  });

  it('collects every problem of a pipeline in one result', () => {
    // GIVEN an invalid name, an unknown input, a wrong constant and a missing input
    const p = pipeline({ name: 'Bad Name' }, (_p, s) => {
      s.task(fit, { n: 'x', extra: 1 } as any);
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([
      ['pipeline/invalid-name', 'Bad Name/name'],
      ['task/type-mismatch', 'Bad Name/fit/inputs/n'],
      ['task/unknown-input', 'Bad Name/fit/inputs/extra'],
      ['task/missing-input', 'Bad Name/fit/inputs/data'],
    ]);
  });
});
