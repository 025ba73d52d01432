/**
 * A Python component compiled on its own: kfp writes the docstring's description into the file's
 * header comment (not into the IR). The expected header is kfp 2.17.3's for the same function.
 */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { Dataset, Model, input, output, pipelineOfComponent, pythonComponent } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';

const FILE = '/virtual/train.py';
const SOURCE = [
  'def train(data: Input[Dataset], n: int, model: Output[Model]) -> str:',
  '    """Trains.',
  '',
  '    Fits a model on the data.',
  '',
  '    Args:',
  '        data: The data.',
  '',
  '    Returns:',
  '        Output: The label.',
  '    """',
  "    return 'x'",
  '',
].join('\n');

describe('the header of a component compiled on its own', () => {
  it("carries the docstring's summary and body as kfp's '# Description:', and the IR has no description", () => {
    // GIVEN a component whose docstring has a summary line and a body before its sections
    const train = pythonComponent({ name: 'train', source: FILE, inputs: { data: input(Dataset), n: z.int() }, outputs: { model: output(Model), Output: z.string() } });
    // WHEN it is compiled on its own and emitted
    const r = compilePipeline(pipelineOfComponent(train).build(), { sources: new Map([[FILE, SOURCE]]) });
    expect(r.diagnostics).toEqual([]);
    const text = emitPipelineYaml(r.pipelineSpec!, r.platformSpec, r.commentDescription);
    // THEN the header is kfp's, and pipelineInfo holds only the name
    expect(text.split('\n').slice(0, 10).join('\n')).toBe(
      ['# PIPELINE DEFINITION', '# Name: train', '# Description: Trains.', '#              Fits a model on the data.', '# Inputs:', '#    data: system.Dataset', '#    n: int', '# Outputs:', '#    Output: str', '#    model: system.Model'].join('\n'),
    );
    expect(r.pipelineSpec!.pipelineInfo).toEqual({ name: 'train' });
  });
});
