/**
 * A generic Artifact passed where a typed artifact (Dataset, Model) is expected: a task output, a
 * pipeline input, and through a pipeline used as a component. kfp lets system.Artifact through on
 * either side of its type check. (Each component is used once per pipeline: kfp's renaming of
 * components that clash across merged sub-pipelines depends on Python's string hashing, so a case
 * with such clashes compiles differently from run to run.)
 */
import { Artifact, Dataset, Model, containerComponent, input, output, pipeline } from '../../../src/index.ts';

const makeAny = containerComponent({
  name: 'make_any',
  outputs: { thing: output(Artifact) },
  implementation: ({ outputs }) => ({ image: 'alpine:3.20', command: ['sh', '-c', 'echo hi > "$0"'], args: [outputs.thing.path] }),
});

const useTyped = containerComponent({
  name: 'use_typed',
  inputs: { data: input(Dataset), model: input(Model) },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['cat', inputs.data.path, inputs.model.path] }),
});

const checkTyped = containerComponent({
  name: 'check_typed',
  inputs: { data: input(Dataset), model: input(Model) },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['test', '-e', inputs.data.path, '-a', '-e', inputs.model.path] }),
});

const inner = pipeline({ name: 'inner', inputs: { thing: input(Artifact), data: input(Dataset) } }, (p, s) => {
  s.task(checkTyped, { data: p.data, model: p.thing });
});

export default pipeline({ name: 'generic-artifact-args', inputs: { given: input(Artifact) } }, (p, s) => {
  const made = s.task(makeAny, {});
  s.task(useTyped, { data: made.outputs.thing, model: p.given });
  s.task(inner, { thing: made.outputs.thing, data: made.outputs.thing });
  s.task(inner, { thing: p.given, data: p.given });
});
