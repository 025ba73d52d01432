/**
 * Miswiring is a TypeScript error. Each `@ts-expect-error` below sits on the one line that must
 * fail to type-check; vitest's typecheck fails the test if one of them stops erroring (an unused
 * directive is itself an error), so every case here can fail.
 *
 * Components are declared the way users (and src/components) declare them: `input(...)` and
 * `output(...)` written inline in the `inputs` / `outputs` objects.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  Artifact,
  containerComponent,
  Dataset,
  eq,
  ge,
  gt,
  input,
  Metrics,
  Model,
  ne,
  output,
  pipeline,
  pythonComponent,
  str,
  z,
  type ArgsOf,
  type ArtifactChannel,
  type ParameterChannel,
  type TaskHandle,
} from '../../src/index.ts';

// GIVEN components whose declarations cover every kind of input and output.
const produce = pythonComponent({
  name: 'produce',
  source: { code: 'def produce(): pass\n' },
  outputs: {
    dataset: output(Dataset),
    model: output(Model),
    metrics: output(Metrics),
    datasets: output(Dataset, { list: true }),
    count: z.int(),
    score: z.number(),
    label: z.string(),
    flag: z.boolean(),
    tags: z.array(z.string()),
    config: z.object({ depth: z.int() }),
  },
});

const train = pythonComponent({
  name: 'train',
  source: { code: 'def train(): pass\n' },
  inputs: {
    data: input(Dataset),
    n_estimators: z.int(),
    learning_rate: z.number().default(0.1),
    note: z.string().optional(),
  },
  outputs: { model: output(Model), accuracy: z.number() },
});

const finetune = pythonComponent({
  name: 'finetune',
  source: { code: 'def finetune(): pass\n' },
  inputs: { data: input(Dataset), warm_start: input(Model, { optional: true }) },
});

const inspectAny = pythonComponent({
  name: 'inspect_any',
  source: { code: 'def inspect_any(): pass\n' },
  inputs: { thing: input(Artifact) },
});

const mergeDatasets = pythonComponent({
  name: 'merge_datasets',
  source: { code: 'def merge_datasets(): pass\n' },
  inputs: { parts: input(Dataset, { list: true }) },
});

const configure = pythonComponent({
  name: 'configure',
  source: { code: 'def configure(): pass\n' },
  inputs: { options: z.record(z.string(), z.unknown()), values: z.array(z.number()) },
});

const greet = containerComponent({
  name: 'greet',
  inputs: { who: z.string(), times: z.int() },
  implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.who, inputs.times] }),
});

type Train = NonNullable<(typeof train)['__inputs']>;
type TrainOutputs = NonNullable<(typeof train)['__outputs']>;
type Finetune = NonNullable<(typeof finetune)['__inputs']>;

describe('task arguments', () => {
  it('accepts a correctly wired call, optional parameter inputs omitted or given', () => {
    pipeline({ name: 'ok' }, (_p, s) => {
      const src = s.task(produce, {});
      // WHEN only the required inputs are given THEN it type-checks
      s.task(train, { data: src.outputs.dataset, n_estimators: 3 });
      // and optional inputs may be given as constants, channels or string templates
      s.task(train, {
        data: src.outputs.dataset,
        n_estimators: src.outputs.count,
        learning_rate: src.outputs.score,
        note: str`label=${src.outputs.label}`,
      });
      s.task(greet, { who: src.outputs.label, times: 2 });
    });
  });

  it('lets an optional artifact input be omitted', () => {
    // GIVEN finetune declares warm_start with input(Model, { optional: true })
    // THEN the argument object does not require it
    expectTypeOf<Finetune['warm_start']['optional']>().toEqualTypeOf<true>();
    pipeline({ name: 'optional-artifact' }, (_p, s) => {
      const src = s.task(produce, {});
      s.task(finetune, { data: src.outputs.dataset });
      s.task(finetune, { data: src.outputs.dataset, warm_start: src.outputs.model });
    });
  });

  it('rejects a Model output wired into a Dataset input', () => {
    pipeline({ name: 'model-into-dataset' }, (_p, s) => {
      const src = s.task(produce, {});
      s.task(train, {
        // @ts-expect-error a system.Model artifact is not a system.Dataset
        data: src.outputs.model,
        n_estimators: 3,
      });
      s.task(finetune, {
        data: src.outputs.dataset,
        // @ts-expect-error a system.Metrics artifact is not a system.Model
        warm_start: src.outputs.metrics,
      });
    });
  });

  it('rejects an artifact wired into a parameter input', () => {
    pipeline({ name: 'artifact-into-parameter' }, (_p, s) => {
      const src = s.task(produce, {});
      // @ts-expect-error an artifact is not an int parameter
      s.task(train, { data: src.outputs.dataset, n_estimators: src.outputs.dataset });
      // @ts-expect-error an artifact is not a string parameter
      s.task(greet, { who: src.outputs.model, times: 1 });
    });
  });

  it('rejects an artifact wired into a STRUCT or LIST parameter input', () => {
    pipeline({ name: 'artifact-into-struct' }, (_p, s) => {
      const src = s.task(produce, {});
      s.task(configure, { options: { depth: 3 }, values: [1, 2] });
      // @ts-expect-error an artifact is not a STRUCT parameter
      s.task(configure, { options: src.outputs.model, values: [1] });
      // @ts-expect-error an artifact is not a LIST parameter
      s.task(configure, { options: {}, values: src.outputs.datasets });
    });
  });

  it('rejects a parameter channel or a constant wired into an artifact input', () => {
    pipeline({ name: 'parameter-into-artifact' }, (_p, s) => {
      const src = s.task(produce, {});
      // @ts-expect-error a parameter channel is not a Dataset artifact
      s.task(train, { data: src.outputs.label, n_estimators: 3 });
      // @ts-expect-error a constant is not a Dataset artifact
      s.task(train, { data: 'gs://bucket/data.csv', n_estimators: 3 });
      // @ts-expect-error a parameter channel is not even a generic Artifact
      s.task(inspectAny, { thing: src.outputs.count });
    });
  });

  it('rejects a string, constant or run-time, wired into an int parameter', () => {
    pipeline({ name: 'string-into-int', inputs: { text: z.string() } }, (p, s) => {
      const src = s.task(produce, {});
      // @ts-expect-error a string constant is not an int
      s.task(train, { data: src.outputs.dataset, n_estimators: '3' });
      // @ts-expect-error a ParameterChannel<string> (task output) is not an int
      s.task(train, { data: src.outputs.dataset, n_estimators: src.outputs.label });
      // @ts-expect-error a ParameterChannel<string> (pipeline parameter) is not an int
      s.task(train, { data: src.outputs.dataset, n_estimators: p.text });
      // @ts-expect-error a string template is not an int
      s.task(greet, { who: 'x', times: str`${p.text}` });
      // @ts-expect-error a boolean channel is not an int
      s.task(greet, { who: 'x', times: src.outputs.flag });
    });
  });

  it('rejects a number wired into a string parameter', () => {
    pipeline({ name: 'number-into-string' }, (_p, s) => {
      const src = s.task(produce, {});
      // @ts-expect-error a number constant is not a string
      s.task(greet, { who: 42, times: 1 });
      // @ts-expect-error a ParameterChannel<number> is not a string
      s.task(greet, { who: src.outputs.score, times: 1 });
    });
  });

  it('rejects an unknown input name', () => {
    pipeline({ name: 'unknown-input' }, (_p, s) => {
      const src = s.task(produce, {});
      // @ts-expect-error 'n_estimator' (a typo) is not an input of train
      s.task(train, { data: src.outputs.dataset, n_estimators: 3, n_estimator: 3 });
      // @ts-expect-error greet has no input 'name'
      s.task(greet, { who: 'x', times: 1, name: 'y' });
    });
  });

  it('rejects any argument to a component that has no inputs', () => {
    pipeline({ name: 'no-inputs' }, (_p, s) => {
      // @ts-expect-error produce takes no inputs, so 'anything' is unknown
      s.task(produce, { anything: 1 });
    });
  });

  it('rejects a call missing a required input', () => {
    pipeline({ name: 'missing-input' }, (_p, s) => {
      const src = s.task(produce, {});
      // @ts-expect-error n_estimators is required
      s.task(train, { data: src.outputs.dataset });
      // @ts-expect-error data (an artifact) is required
      s.task(train, { n_estimators: 3 });
      // @ts-expect-error every input of greet is required
      s.task(greet, {});
    });
  });

  it('lets any single artifact into a generic Artifact input', () => {
    pipeline({ name: 'generic-artifact' }, (p, s) => {
      const src = s.task(produce, {});
      s.task(inspectAny, { thing: src.outputs.model });
      s.task(inspectAny, { thing: src.outputs.dataset });
      s.task(inspectAny, { thing: src.outputs.metrics });
    });
    expectTypeOf<ArtifactChannel<'system.Model', false>>().toMatchTypeOf<ArgsOf<NonNullable<(typeof inspectAny)['__inputs']>>['thing']>();
    expectTypeOf<ArtifactChannel<'acme.Report', false>>().toMatchTypeOf<ArgsOf<NonNullable<(typeof inspectAny)['__inputs']>>['thing']>();
  });

  it('keeps artifact lists and single artifacts apart', () => {
    pipeline({ name: 'artifact-lists' }, (_p, s) => {
      const src = s.task(produce, {});
      s.task(mergeDatasets, { parts: src.outputs.datasets });
      // @ts-expect-error a single Dataset is not a list of Datasets
      s.task(mergeDatasets, { parts: src.outputs.dataset });
      // @ts-expect-error a list of artifacts is not a single Artifact
      s.task(inspectAny, { thing: src.outputs.datasets });
    });
  });

  it('types the argument object: required and optional inputs with their value types', () => {
    type TrainArgs = ArgsOf<Train>;
    expectTypeOf<keyof TrainArgs>().toEqualTypeOf<'data' | 'n_estimators' | 'learning_rate' | 'note'>();
    expectTypeOf<TrainArgs['n_estimators']>().toEqualTypeOf<number | ParameterChannel<number>>();
    // optional inputs are optional properties; required ones are not
    expectTypeOf<{ readonly data: TrainArgs['data']; readonly n_estimators: 1 }>().toMatchTypeOf<TrainArgs>();
    expectTypeOf<{ readonly data: TrainArgs['data'] }>().not.toMatchTypeOf<TrainArgs>();
  });

  it('types an artifact argument with its schema title and list-ness', () => {
    // a generic Artifact is accepted too (kfp lets system.Artifact into an input of any type)
    expectTypeOf<ArgsOf<Train>['data']>().toEqualTypeOf<ArtifactChannel<'system.Dataset' | 'system.Artifact', false>>();
  });

  it('lets a generic Artifact output into a typed artifact input, as kfp does', () => {
    const makeAny = pythonComponent({ name: 'make_any', source: { code: 'def make_any(): pass\n' }, outputs: { thing: output(Artifact) } });
    pipeline({ name: 'artifact-into-dataset' }, (_p, s) => {
      const any = s.task(makeAny, {});
      s.task(train, { data: any.outputs.thing, n_estimators: 3 });
      s.task(finetune, { data: any.outputs.thing, warm_start: any.outputs.thing });
    });
    expectTypeOf<ArtifactChannel<'system.Artifact', false>>().toMatchTypeOf<ArgsOf<Train>['data']>();
    expectTypeOf<ArtifactChannel<'system.Artifact', true>>().not.toMatchTypeOf<ArgsOf<Train>['data']>();
  });
});

describe('task outputs', () => {
  it('types each parameter output channel from its zod schema', () => {
    pipeline({ name: 'parameter-outputs' }, (_p, s) => {
      const src = s.task(produce, {});
      expectTypeOf(src.outputs.count).toEqualTypeOf<ParameterChannel<number>>();
      expectTypeOf(src.outputs.score).toEqualTypeOf<ParameterChannel<number>>();
      expectTypeOf(src.outputs.label).toEqualTypeOf<ParameterChannel<string>>();
      expectTypeOf(src.outputs.flag).toEqualTypeOf<ParameterChannel<boolean>>();
      expectTypeOf(src.outputs.tags).toEqualTypeOf<ParameterChannel<string[]>>();
      expectTypeOf(src.outputs.config).toEqualTypeOf<ParameterChannel<{ depth: number }>>();
      // @ts-expect-error produce has no output 'modle'
      void src.outputs.modle;
    });
  });

  it('types each artifact output channel with its schema title and list-ness', () => {
    pipeline({ name: 'artifact-outputs' }, (_p, s) => {
      const src = s.task(produce, {});
      expectTypeOf(src.outputs.dataset).toEqualTypeOf<ArtifactChannel<'system.Dataset', false>>();
      expectTypeOf(src.outputs.model).toEqualTypeOf<ArtifactChannel<'system.Model', false>>();
      expectTypeOf(src.outputs.metrics).toEqualTypeOf<ArtifactChannel<'system.Metrics', false>>();
      expectTypeOf(src.outputs.datasets).toEqualTypeOf<ArtifactChannel<'system.Dataset', true>>();
    });
  });

  it('keeps the handle and output types through configuring calls', () => {
    pipeline({ name: 'configured' }, (_p, s) => {
      const src = s.task(produce, {});
      const t = s
        .task(train, { data: src.outputs.dataset, n_estimators: 1 })
        .after(src)
        .withCaching(false)
        .withRetry({ maxRetryCount: 2 })
        .withResources({ cpuLimit: '1' });
      expectTypeOf(t).toEqualTypeOf<TaskHandle<TrainOutputs>>();
      expectTypeOf(t.outputs.accuracy).toEqualTypeOf<ParameterChannel<number>>();
      // the model output still only fits Model inputs
      s.task(finetune, { data: src.outputs.dataset, warm_start: t.outputs.model });
      // @ts-expect-error the model output is not a Dataset
      s.task(finetune, { data: t.outputs.model });
    });
  });
});

describe('pipeline parameters', () => {
  it('types each parameter channel from its zod schema', () => {
    pipeline(
      {
        name: 'params',
        inputs: {
          text: z.string(),
          count: z.int().default(3),
          ratio: z.number().default(0.5),
          enabled: z.boolean().default(true),
          items: z.array(z.int()).default([1, 2]),
          settings: z.object({ a: z.string() }),
        },
      },
      (p, s) => {
        expectTypeOf(p.text).toEqualTypeOf<ParameterChannel<string>>();
        expectTypeOf(p.count).toEqualTypeOf<ParameterChannel<number>>();
        expectTypeOf(p.ratio).toEqualTypeOf<ParameterChannel<number>>();
        expectTypeOf(p.enabled).toEqualTypeOf<ParameterChannel<boolean>>();
        expectTypeOf(p.items).toEqualTypeOf<ParameterChannel<number[]>>();
        expectTypeOf(p.settings).toEqualTypeOf<ParameterChannel<{ a: string }>>();
        // @ts-expect-error the pipeline has no parameter 'txt'
        void p.txt;
        // @ts-expect-error a string parameter is not an int input
        s.task(greet, { who: p.text, times: p.text });
      },
    );
  });

  it('types each artifact input of a pipeline with its schema title and list-ness', () => {
    pipeline({ name: 'artifact-params', inputs: { data: input(Dataset), models: input(Model, { list: true }) } }, (p, s) => {
      expectTypeOf(p.data).toEqualTypeOf<ArtifactChannel<'system.Dataset', false>>();
      expectTypeOf(p.models).toEqualTypeOf<ArtifactChannel<'system.Model', true>>();
      s.task(train, { data: p.data, n_estimators: 1 });
      // @ts-expect-error a Dataset pipeline input is not a Model
      s.task(finetune, { data: p.data, warm_start: p.data });
    });
  });

  it('checks the values a pipeline body returns against its declared outputs', () => {
    pipeline({ name: 'with-outputs', outputs: { accuracy: z.number() } }, (_p, s) => {
      const t = s.task(train, { data: s.task(produce, {}).outputs.dataset, n_estimators: 1 });
      return { accuracy: t.outputs.accuracy };
    });
    pipeline(
      { name: 'wrong-output', outputs: { accuracy: z.number() } },
      // @ts-expect-error the body returns a string channel where the pipeline declares a number output
      (_p, s) => ({ accuracy: s.task(produce, {}).outputs.label }),
    );
  });
});

describe('conditions', () => {
  it('compares a channel only with a value or channel of its own type', () => {
    pipeline({ name: 'conditions', inputs: { n: z.int(), name: z.string(), on: z.boolean() } }, (p, s) => {
      s.if(ne(p.n, 0), () => {});
      s.if(eq(p.name, 'x'), () => {});
      s.if(eq(p.on, true), () => {});
      s.if(ge(p.n, p.n), () => {});
      // @ts-expect-error an int parameter compared with a string
      s.if(ne(p.n, 'x'), () => {});
      // @ts-expect-error a string parameter compared with a number
      s.if(eq(p.name, 1), () => {});
      // @ts-expect-error an ordering comparison needs a number channel
      s.if(gt(p.name, 1), () => {});
      // @ts-expect-error two channels of different types
      s.if(eq(p.name, p.n), () => {});
    });
  });
});

describe('a pipeline used as a component is typed like one', () => {
  const sub = pipeline(
    { name: 'sub', inputs: { text: z.string(), times: z.int().default(1) }, outputs: { data: output(Dataset), summary: z.string() } },
    (p, s) => {
      const t = s.task(produce, {});
      return { data: t.outputs.dataset, summary: p.text };
    },
  );
  it('takes its declared inputs and gives its declared outputs', () => {
    pipeline({ name: 'outer' }, (_p, s) => {
      const t = s.task(sub, { text: 'a' });
      expectTypeOf(t.outputs.data).toEqualTypeOf<ArtifactChannel<'system.Dataset'>>();
      expectTypeOf(t.outputs.summary).toEqualTypeOf<ParameterChannel<string>>();
      // @ts-expect-error a required input of the inner pipeline is missing
      s.task(sub, { times: 2 });
      // @ts-expect-error a string input given a number
      s.task(sub, { text: 3 });
      // @ts-expect-error the inner pipeline has no output 'model'
      void t.outputs.model;
    });
  });
});
