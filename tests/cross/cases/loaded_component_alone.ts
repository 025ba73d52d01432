/**
 * A single container component compiled on its own (kfp's `Compiler().compile(component, …)`):
 * a pipeline named after it whose one task takes every input, optional ones included, and whose
 * outputs are the task's.
 */
import { Dataset, Model, containerComponent, ifPresent, input, output, pipelineOfComponent, z } from '../../../src/index.ts';

export const trainModel = containerComponent({
  name: 'train_model',
  inputs: { data: input(Dataset), epochs: z.int(), rate: z.number().default(0.1), tag: z.string().optional() },
  outputs: { model: output(Model), score: z.number() },
  implementation: ({ inputs, outputs }) => ({
    image: 'ghcr.io/acme/train:2.0',
    command: ['train', '--data', inputs.data.path, '--epochs', inputs.epochs, '--model', outputs.model.path, '--score', outputs.score.path],
    args: [ifPresent('tag', ['--tag', inputs.tag]), '--rate', inputs.rate],
  }),
});

export default pipelineOfComponent(trainModel);
