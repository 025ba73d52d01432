/**
 * Pipeline tasks inside control flow: in a loop (the item and an outer task's output as
 * arguments, its outputs collected), in a condition, and a nested pipeline that has a loop of its
 * own, so group names inside and outside the inner pipeline are numbered independently.
 *
 * The inner pipeline runs each component once on purpose: when an inner pipeline has `exec-x`
 * and `exec-x-2` and the outer one `exec-x`, kfp's renaming follows protobuf map order, which
 * varies between Python processes (three different outputs in five runs); ours is one of them.
 */
import { Dataset, collected, containerComponent, eq, output, pipeline, z } from '../../../src/index.ts';

const make = containerComponent({
  name: 'make',
  inputs: { word: z.string() },
  outputs: { data: output(Dataset), size: z.int() },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'echo "$0" | tee "$1" | wc -c > "$2"'],
    args: [inputs.word, outputs.data.path, outputs.size.path],
  }),
});
const sum = containerComponent({
  name: 'sum',
  inputs: { sizes: z.array(z.int()) },
  outputs: { total: z.int() },
  implementation: ({ inputs, outputs }) => ({ image: 'alpine:3.20', command: ['sum', inputs.sizes, outputs.total.path] }),
});

const shout = containerComponent({
  name: 'shout',
  inputs: { word: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.word] }),
});

const perWord = pipeline(
  { name: 'per-word', inputs: { word: z.string(), prefix: z.string() }, outputs: { size: z.int() } },
  (p, s) => {
    s.parallelFor([1, 2], (_i, s) => void s.task(shout, { word: p.prefix }));
    const m = s.task(make, { word: p.word });
    return { size: m.outputs.size };
  },
);

export default pipeline({ name: 'nested-in-groups', inputs: { words: z.array(z.string()).default(['a', 'bb']) } }, (p, s) => {
  s.task(make, { word: 'first' });
  const sizes = s.parallelFor(p.words, (word, s) => s.task(perWord, { word, prefix: 'x' }));
  const total = s.task(sum, { sizes: collected(sizes.outputs.size) });
  s.if(eq(total.outputs.total, 3), (s) => void s.task(perWord, { word: 'three', prefix: 'p' }));
});
