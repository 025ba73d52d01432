/**
 * Descriptions read from docstrings the way kfp reads them (docstring_parser's Google rules): an
 * output described under Args gets nothing when a Returns section exists (it replaces Args), but
 * does under Parameters; a Raises entry without a colon drops every description; a repeated Args
 * section keeps its last body; a `Return:` heading describes outputs.
 */
import * as z from 'zod';
import { Dataset, Model, input, output, pipeline, pythonComponent } from '../../../src/index.ts';

const source = new URL('../fixtures/docstring_rules.py', import.meta.url);
const baseImage = 'python:3.12';
const dataAndN = { data: input(Dataset), n: z.int() };

const argsAndReturns = pythonComponent({ name: 'args_and_returns', source, baseImage, inputs: dataAndN, outputs: { model: output(Model), Output: z.string() } });
const parametersAndReturns = pythonComponent({ name: 'parameters_and_returns', source, baseImage, inputs: dataAndN, outputs: { model: output(Model), Output: z.string() } });
const raisesWithoutColon = pythonComponent({ name: 'raises_without_colon', source, baseImage, inputs: dataAndN, outputs: { Output: z.string() } });
const argsTwice = pythonComponent({ name: 'args_twice', source, baseImage, inputs: dataAndN, outputs: { Output: z.string() } });
const returnHeading = pythonComponent({ name: 'return_heading', source, baseImage, inputs: { n: z.int() }, outputs: { model: output(Model), Output: z.string() } });

export default pipeline({ name: 'docstring-rules', inputs: { data: input(Dataset), n: z.int().default(3) } }, (p, s) => {
  s.task(argsAndReturns, { data: p.data, n: p.n });
  s.task(parametersAndReturns, { data: p.data, n: p.n });
  s.task(raisesWithoutColon, { data: p.data, n: p.n });
  s.task(argsTwice, { data: p.data, n: p.n });
  s.task(returnHeading, { n: p.n });
});
