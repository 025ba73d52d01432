/** A lightweight Python component compiled on its own: its single `Output` becomes the pipeline's. */
import { pipelineOfComponent, pythonComponent, z } from '../../../src/index.ts';

const double = pythonComponent({
  name: 'double',
  source: new URL('../fixtures/work.py', import.meta.url),
  baseImage: 'python:3.11-slim',
  inputs: { number: z.int() },
  outputs: { Output: z.int() },
});

export default pipelineOfComponent(double);
