/**
 * Every annotation form kfp 2.17.3 reads from a lightweight component (fixtures/annotations.py):
 * InputPath/OutputPath with a type, a type name string ('Dataset', 'CSV', 'Integer', 'List') or
 * nothing; Input[...]/Output[...], lists of input artifacts and bare artifact classes; Optional,
 * Union[X, None], typing and builtin generics, a List[Input[...]] (a LIST parameter in kfp);
 * PipelineTaskFinalStatus; returns of a list, an artifact, and NamedTuples in call, keyword and
 * class form. The declarations are the module `kfp-ts codegen` wrote for the file.
 */
import { collected, pipeline, z } from '../../../src/index.ts';
import { consumeArtifacts, consumeGenerics, consumePaths, produce, report, score, stats } from '../fixtures/generated/annotations.ts';

export default pipeline({ name: 'python-annotations', inputs: { message: z.string().default('hi') } }, (p, s) => {
  s.exitHandler(s.task(report, { label: 'annotations' }), (s) => {
    const made = s.task(produce, { message: p.message });
    s.task(consumePaths, {
      text: made.outputs.text,
      numbers: made.outputs.numbers,
      data: made.outputs.data,
      blob: made.outputs.blob,
      csv: made.outputs.table,
      count: made.outputs.total,
      table: made.outputs.table,
      maybe: made.outputs.best,
    });
    s.task(consumeGenerics, { names: ['a', 'b'], table: { x: 1 }, old: ['c'], maybe: [1, 2], either: made.outputs.text, nested: [{ f: 0.5 }] });
    const again = s.parallelFor([1, 2], (_i, s) => s.task(produce, { message: 'again' }));
    const joined = s.task(consumeArtifacts, {
      data: made.outputs.data,
      models: collected(again.outputs.model),
      parts: collected(again.outputs.table),
      one: made.outputs.table,
    });
    const scored = s.task(score, { data: joined.outputs.Output });
    s.task(stats, { values: [made.outputs.score, scored.outputs.accuracy] });
  });
});
