/**
 * A pipeline whose output is a list of artifacts (kfp's pipeline_with_parallelfor_list_artifacts):
 * the Datasets made in its loop, collected; used as a component twice, its output iterated by a
 * loop of the outer pipeline (each item into an Artifact input), passed whole to a List[Dataset]
 * input, and returned as the outer pipeline's own output.
 */
import { Artifact, Dataset, collected, containerComponent, input, output, pipeline, z } from '../../../src/index.ts';

const make = containerComponent({
  name: 'make',
  inputs: { word: z.string() },
  outputs: { data: output(Dataset) },
  implementation: ({ inputs, outputs }) => ({ image: 'alpine:3.20', command: ['sh', '-c', 'echo "$0" > "$1"'], args: [inputs.word, outputs.data.path] }),
});

const show = containerComponent({
  name: 'show',
  inputs: { thing: input(Artifact) },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['cat', inputs.thing.path] }),
});

const join = containerComponent({
  name: 'join',
  inputs: { parts: input(Dataset, { list: true }) },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['cat', inputs.parts] }),
});

const makeAll = pipeline(
  { name: 'make-all', inputs: { words: z.array(z.string()).default(['a', 'b']) }, outputs: { Output: output(Dataset, { list: true }) } },
  (p, s) => {
    const t = s.parallelFor(p.words, (word, s) => s.task(make, { word }));
    return { Output: collected(t.outputs.data) };
  },
);

export default pipeline(
  { name: 'nested-artifact-lists', outputs: { Output: output(Dataset, { list: true }) } },
  (_p, s) => {
    const first = s.task(makeAll, {});
    s.parallelFor(first.outputs.Output, (item, s) => void s.task(show, { thing: item }));
    const second = s.task(makeAll, { words: ['c'] });
    s.task(join, { parts: second.outputs.Output });
    return { Output: second.outputs.Output };
  },
);
