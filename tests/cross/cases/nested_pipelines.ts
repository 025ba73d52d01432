/**
 * Pipelines used as components: a pipeline with required, defaulted and optional inputs and with
 * artifact and parameter outputs, run twice (components and executors of the second use renamed),
 * a task of the outer pipeline whose component name clashes with one inside, a pipeline nested two
 * deep, an unset optional input, and the inner pipeline's outputs consumed downstream.
 */
import { Dataset, containerComponent, input, output, pipeline, z } from '../../../src/index.ts';

const produce = containerComponent({
  name: 'produce',
  inputs: { text: z.string(), times: z.int() },
  outputs: { data: output(Dataset), summary: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'yes "$0" | head -n "$1" > "$2" && echo done > "$3"'],
    args: [inputs.text, inputs.times, outputs.data.path, outputs.summary.path],
  }),
});

const consume = containerComponent({
  name: 'consume',
  inputs: { data: input(Dataset), note: z.string().optional() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['cat', inputs.data.path], args: [inputs.note] }),
});

const innermost = pipeline(
  { name: 'innermost', inputs: { word: z.string() }, outputs: { data: output(Dataset) } },
  (p, s) => {
    const t = s.task(produce, { text: p.word, times: 1 });
    return { data: t.outputs.data };
  },
);

const inner = pipeline(
  {
    name: 'inner-pipeline',
    inputs: { msg: z.string(), times: z.int().default(3), note: z.string().optional() },
    outputs: { x: output(Dataset), report: z.string() },
  },
  (p, s) => {
    const made = s.task(produce, { text: p.msg, times: p.times });
    s.task(consume, { data: made.outputs.data, note: p.note });
    const deeper = s.task(innermost, { word: p.msg });
    s.task(consume, { data: deeper.outputs.data });
    return { x: made.outputs.data, report: made.outputs.summary };
  },
);

export default pipeline({ name: 'nested-pipelines', inputs: { greeting: z.string().default('hi') } }, (p, s) => {
  const first = s.task(inner, { msg: p.greeting });
  const second = s.task(inner, { msg: first.outputs.report, times: 2, note: 'second' });
  s.task(consume, { data: second.outputs.x, note: first.outputs.report });
  s.task(produce, { text: 'outer', times: 1 });
});
