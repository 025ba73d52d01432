/**
 * Types through groups: a loop's item follows its items, collected() gives a list (nested per loop level), oneOf() wants
 * one output type, a pipeline used as a component is typed by its declarations. Each
 * `@ts-expect-error` sits on the one line that must fail to type-check.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  Dataset,
  Model,
  collected,
  eq,
  input,
  itemField,
  output,
  pipeline,
  pythonComponent,
  z,
  type ArtifactChannel,
  type ParameterChannel,
  type TaskHandle,
} from '../../src/index.ts';

const produce = pythonComponent({
  name: 'produce',
  source: { code: 'def produce(): pass\n' },
  outputs: { dataset: output(Dataset), model: output(Model), count: z.int(), label: z.string(), shards: z.array(z.string()) },
});
type Produced = NonNullable<(typeof produce)['__outputs']>;
const double = pythonComponent({ name: 'double', source: { code: 'def double(): pass\n' }, inputs: { n: z.int() }, outputs: { Output: z.int() } });
const shout = pythonComponent({ name: 'shout', source: { code: 'def shout(): pass\n' }, inputs: { text: z.string() }, outputs: { Output: z.string() } });
const total = pythonComponent({ name: 'total', source: { code: 'def total(): pass\n' }, inputs: { numbers: z.array(z.int()) } });
const fit = pythonComponent({ name: 'fit', source: { code: 'def fit(): pass\n' }, inputs: { data: input(Dataset) }, outputs: { model: output(Model) } });
const mergeModels = pythonComponent({ name: 'merge_models', source: { code: 'def merge_models(): pass\n' }, inputs: { models: input(Model, { list: true }) } });

describe('a loop item follows its items', () => {
  it('is a channel of the element type of a literal list, a LIST channel or a list of artifacts', () => {
    pipeline({ name: 'items', inputs: { names: z.array(z.string()), data: input(Dataset, { list: true }) } }, (p, s) => {
      s.parallelFor([1, 2, 3], (n, s) => {
        expectTypeOf(n).toEqualTypeOf<ParameterChannel<number>>();
        s.task(double, { n });
        // @ts-expect-error a number item is not a string input
        s.task(shout, { text: n });
      });
      s.parallelFor(p.names, (name, s) => {
        expectTypeOf(name).toEqualTypeOf<ParameterChannel<string>>();
        s.task(shout, { text: name });
        // @ts-expect-error a string item is not an int input
        s.task(double, { n: name });
      });
      s.parallelFor(s.task(produce, {}).outputs.shards, (shard) => {
        expectTypeOf(shard).toEqualTypeOf<ParameterChannel<string>>();
      });
      s.parallelFor(p.data, (one, s) => {
        expectTypeOf(one).toEqualTypeOf<ArtifactChannel<'system.Dataset', false>>();
        s.task(fit, { data: one });
      });
    });
  });

  it('types the fields of object items', () => {
    pipeline({ name: 'fields' }, (_p, s) => {
      s.parallelFor([{ n: 1, label: 'a' }, { n: 2, label: 'b' }], (item, s) => {
        expectTypeOf(item).toEqualTypeOf<ParameterChannel<{ n: number; label: string }>>();
        expectTypeOf(itemField(item, 'n')).toEqualTypeOf<ParameterChannel<number>>();
        s.task(double, { n: itemField(item, 'n') });
        // @ts-expect-error the label field is a string, not an int
        s.task(double, { n: itemField(item, 'label') });
      });
    });
  });
});

describe('collected() yields a list', () => {
  it('of parameters, or of artifacts', () => {
    pipeline({ name: 'collect' }, (_p, s) => {
      const doubled = s.parallelFor([1, 2], (n, s) => s.task(double, { n }));
      const fitted = s.parallelFor([1, 2], (_n, s) => s.task(fit, { data: s.task(produce, {}).outputs.dataset }));
      expectTypeOf(collected(doubled.outputs.Output)).toEqualTypeOf<ParameterChannel<number[]>>();
      expectTypeOf(collected(fitted.outputs.model)).toEqualTypeOf<ArtifactChannel<'system.Model', true>>();
      s.task(total, { numbers: collected(doubled.outputs.Output) });
      s.task(mergeModels, { models: collected(fitted.outputs.model) });
      // @ts-expect-error a collected list is not a single int
      s.task(double, { n: collected(doubled.outputs.Output) });
      // @ts-expect-error a collected list of Models is not a single Dataset
      s.task(fit, { data: collected(fitted.outputs.model) });
      // @ts-expect-error the uncollected output is a single int, not a list
      s.task(total, { numbers: doubled.outputs.Output });
    });
  });

  it('nested once per loop level, as kfp collects a task in nested loops', () => {
    const sumRows = pythonComponent({ name: 'sum_rows', source: { code: 'def sum_rows(): pass\n' }, inputs: { rows: z.array(z.array(z.int())) } });
    pipeline({ name: 'collect-nested' }, (_p, s) => {
      const grid = s.parallelFor([1, 2], (_a, s) => s.parallelFor([3, 4], (b, s) => s.task(double, { n: b })));
      expectTypeOf(collected(grid.outputs.Output)).toEqualTypeOf<ParameterChannel<number[][]>>();
      s.task(sumRows, { rows: collected(grid.outputs.Output) });
      // @ts-expect-error a list of lists is not a list of ints
      s.task(total, { numbers: collected(grid.outputs.Output) });
      const cube = s.parallelFor([1], (_a, s) => s.parallelFor([2], (_b, s) => s.parallelFor([3], (c, s) => ({ t: s.task(double, { n: c }) }))));
      expectTypeOf(collected(cube.t.outputs.Output)).toEqualTypeOf<ParameterChannel<number[][][]>>();
      const models = s.parallelFor([1], (_a, s) => s.parallelFor([2], (_b, s) => s.task(fit, { data: s.task(produce, {}).outputs.dataset })));
      expectTypeOf(collected(models.outputs.model)).toEqualTypeOf<ArtifactChannel<'system.Model', true>>();
      // A task kept in an outer variable is collected once.
      let kept!: TaskHandle<{ Output: z.ZodInt }>;
      s.parallelFor([1], (_a, s) => s.parallelFor([2], (b, s) => void (kept = s.task(double, { n: b }))));
      expectTypeOf(collected(kept.outputs.Output)).toEqualTypeOf<ParameterChannel<number[]>>();
    });
  });
});

describe('the items of a list whose element type is not known', () => {
  it('go into any parameter input, as kfp lets them; known element types are kept', () => {
    pipeline({ name: 'untyped-items', inputs: { anything: z.array(z.unknown()), words: z.array(z.string()) } }, (p, s) => {
      s.parallelFor(p.anything, (item, s) => {
        s.task(shout, { text: item });
        s.task(double, { n: item });
        // @ts-expect-error still not an artifact
        s.task(fit, { data: item });
      });
      s.parallelFor(p.words, (word, s) => {
        // @ts-expect-error a string item is not an int input
        s.task(double, { n: word });
      });
    });
  });
});

describe('oneOf() wants one output type', () => {
  it('gives the common type of its branches, and refuses mixed ones', () => {
    pipeline({ name: 'one-of', inputs: { flag: z.string() } }, (p, s) => {
      let a!: TaskHandle<Produced>;
      let b!: TaskHandle<Produced>;
      s.if(eq(p.flag, 'a'), (s) => {
        a = s.task(produce, {});
      }).else((s) => {
        b = s.task(produce, {});
      });
      expectTypeOf(s.oneOf(a.outputs.label, b.outputs.label)).toEqualTypeOf<ParameterChannel<string>>();
      expectTypeOf(s.oneOf(a.outputs.model, b.outputs.model)).toEqualTypeOf<ArtifactChannel<'system.Model', false>>();
      // @ts-expect-error a string output and an int output
      s.oneOf(a.outputs.label, b.outputs.count);
      // @ts-expect-error a Model and a Dataset
      s.oneOf(a.outputs.model, b.outputs.dataset);
      // @ts-expect-error a parameter and an artifact
      s.oneOf(a.outputs.label, b.outputs.model);
      // @ts-expect-error at least one output
      s.oneOf();
    });
  });
});

describe('a pipeline used as a component', () => {
  const inner = pipeline(
    { name: 'inner', inputs: { data: input(Dataset), n: z.int().default(1) }, outputs: { model: output(Model), count: z.int() } },
    (p, s) => {
      const t = s.task(fit, { data: p.data });
      const d = s.task(double, { n: p.n });
      return { model: t.outputs.model, count: d.outputs.Output };
    },
  );

  it('takes its artifact and parameter inputs and gives its typed outputs', () => {
    pipeline({ name: 'outer' }, (_p, s) => {
      const src = s.task(produce, {});
      const t = s.task(inner, { data: src.outputs.dataset });
      expectTypeOf(t.outputs.model).toEqualTypeOf<ArtifactChannel<'system.Model', false>>();
      expectTypeOf(t.outputs.count).toEqualTypeOf<ParameterChannel<number>>();
      s.task(mergeModels, { models: collected(t.outputs.model) });
      // @ts-expect-error a Model into the inner pipeline's Dataset input
      s.task(inner, { data: src.outputs.model });
      // @ts-expect-error a string into its int input
      s.task(inner, { data: src.outputs.dataset, n: src.outputs.label });
      // @ts-expect-error its int output into a string input
      s.task(shout, { text: t.outputs.count });
    });
  });
});
