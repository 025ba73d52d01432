/**
 * Descriptions: a container component's input descriptions (declared in TypeScript, kfp reads
 * them from the docstring), Python components whose docstrings describe inputs (multi-line,
 * typed entries, unknown names) and outputs (a Returns section, NamedTuple outputs), pipeline
 * input descriptions for artifacts and parameters, a multi-line pipeline description.
 */
import { Dataset, Model, containerComponent, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const source = new URL('../fixtures/documented.py', import.meta.url);
const baseImage = 'python:3.12';

const scoreModel = pythonComponent({
  name: 'score_model',
  source,
  baseImage,
  inputs: { model: input(Model), data: input(Dataset), threshold: z.number().default(0.5), label: z.string().default('score') },
  outputs: { report: output(Dataset), accuracy: z.number(), passed: z.boolean() },
});
const summarise = pythonComponent({
  name: 'summarise',
  source,
  baseImage,
  inputs: { text: z.string(), limit: z.int().default(10) },
  outputs: { Output: z.string() },
});
const copyFile = containerComponent({
  name: 'copy_file',
  inputs: { source: input(Dataset, { description: 'The file to copy.' }), mode: z.string().default('plain').describe('How to copy.') },
  outputs: { target: output(Dataset), lines: z.int() },
  implementation: ({ inputs, outputs }) => ({
    image: 'alpine:3.20',
    command: ['sh', '-c', 'cp "$0" "$1" && wc -l < "$0" > "$2"'],
    args: [inputs.source.path, outputs.target.path, outputs.lines.path],
  }),
});

export default pipeline(
  {
    name: 'descriptions',
    description: "Scores and copies data; this short description is the pipeline's description.\nExtra lines join the description.",
    inputs: {
      model: input(Model, { description: 'The candidate model.' }),
      data: input(Dataset, { description: 'Data to score.' }),
      threshold: z.number().default(0.5).describe('Minimum accuracy.'),
      text: z.string().default('hello'),
    },
  },
  (p, s) => {
    const copied = s.task(copyFile, { source: p.data });
    s.task(scoreModel, { model: p.model, data: copied.outputs.target, threshold: p.threshold });
    s.task(summarise, { text: p.text });
  },
);
