/** Small helpers shared by the unit tests: tiny components and a compile that must succeed. */
import { expect } from 'vitest';
import { containerComponent, Dataset, input, Model, output, PipelineTaskFinalStatus, pythonComponent, z } from '../../src/index.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import type { CompileOptions } from '../../src/compiler/options.ts';
import { formatPath, type Diagnostic } from '../../src/diagnostics.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** kfp's `def echo(x: str = '') -> str`, as an inline Python component. */
export const echo = pythonComponent({
  name: 'echo',
  source: { code: "def echo(x: str = '') -> str:\n    return x\n" },
  inputs: { x: z.string().default('') },
  outputs: { Output: z.string() },
});

/** kfp's `def report(status: PipelineTaskFinalStatus, x: str = '')`. */
export const report = pythonComponent({
  name: 'report',
  source: { code: "def report(status: PipelineTaskFinalStatus, x: str = ''):\n    print(status)\n" },
  inputs: { status: PipelineTaskFinalStatus, x: z.string().default('') },
});

/** kfp's `def needs(x: str)`: a required input. */
export const needs = pythonComponent({ name: 'needs', source: { code: 'def needs(x: str):\n    print(x)\n' }, inputs: { x: z.string() } });

/** kfp's `def total(xs: List[str])`. */
export const total = pythonComponent({ name: 'total', source: { code: 'def total(xs: List[str]):\n    print(xs)\n' }, inputs: { xs: z.array(z.string()) } });

/** A container component with a Dataset output and a number output. */
export const make = containerComponent({
  name: 'make',
  inputs: { n: z.int().default(1) },
  outputs: { data: output(Dataset), score: z.number() },
  implementation: ({ inputs, outputs }) => ({ image: 'alpine', command: ['make', inputs.n, outputs.data.path, outputs.score.path] }),
});

/** A container component that takes a Dataset and an int and gives a Model. */
export const fit = containerComponent({
  name: 'fit',
  inputs: { data: input(Dataset), n: z.int() },
  outputs: { model: output(Model) },
  implementation: ({ inputs, outputs }) => ({ image: 'alpine', command: ['fit', inputs.data.path, inputs.n, outputs.model.path] }),
});

export function codesAndPaths(ds: readonly Diagnostic[]): [string, string][] {
  return ds.map((d) => [d.code, formatPath(d.path)]);
}

/** Compiles and requires success; returns the PipelineSpec. */
export function compileOk(p: Pipeline, options: CompileOptions = {}): Json {
  const r = compilePipeline(p.build(), options);
  expect(codesAndPaths(r.diagnostics)).toEqual([]);
  expect(r.pipelineSpec).toBeDefined();
  return r.pipelineSpec as Json;
}

/** Compiles and requires failure; returns the diagnostics. */
export function compileErrors(p: Pipeline, options: CompileOptions = {}): readonly Diagnostic[] {
  const r = compilePipeline(p.build(), options);
  expect(r.pipelineSpec).toBeUndefined();
  return r.diagnostics;
}
