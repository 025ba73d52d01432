/**
 * Pipelines that carry given strings in every place a user's string reaches the compiled file:
 * one "batch" pipeline puts each of a batch of strings in every place that can hold many strings,
 * one "names" pipeline names its inputs with them, and one small pipeline per string fills the
 * places a file has once (the pipeline's description, which kfp also writes into the header
 * comment, and its display name) and a task display name (a task costs a component and an
 * executor of its own, so the display names ride on the small files).
 */
import * as z from 'zod';
import { containerComponent, Dataset, kubernetes, pipeline, type Pipeline } from '../../src/index.ts';

/** Each place, with how to find the strings it holds in the compiled documents. */
export const BATCH_PLACES = [
  'default of a STRING parameter (and the header)',
  'item of a LIST default',
  'key of a STRUCT default',
  'value of a STRUCT default',
  'constant task argument',
  'env value',
  'importer metadata key',
  'importer metadata value',
  'container command item',
  'pod label value',
  'pod annotation key',
  'pod annotation value',
  'node selector value',
  'image pull secret',
] as const;
export const NAME_PLACES = ['pipeline input name (a key, the header, a task input reference)'] as const;
export const PIPELINE_PLACES = ['pipeline description (and the header)', 'pipeline display name', 'task display name'] as const;

const mark = containerComponent({
  name: 'mark',
  implementation: () => ({ image: 'alpine', command: ['true'] }),
});

function sink(count: number) {
  const inputs: Record<string, z.ZodString> = {};
  for (let i = 0; i < count; i++) inputs[`x${i}`] = z.string();
  return containerComponent({ name: 'sink', inputs, implementation: () => ({ image: 'alpine', command: ['true'] }) });
}

function shell(strings: readonly string[]) {
  return containerComponent({ name: 'shell', implementation: () => ({ image: 'alpine', command: ['true', ...strings] }) });
}

/** A pipeline holding every string of `strings` (distinct) in every batch place. */
export function batchPipeline(strings: readonly string[]): Pipeline {
  const inputs: Record<string, z.ZodType> = {};
  strings.forEach((s, i) => (inputs[`p${i}`] = z.string().default(s)));
  inputs.list = z.array(z.string()).default([...strings]);
  inputs.struct = z.record(z.string(), z.string()).default(Object.fromEntries(strings.map((s) => [s, s])));
  const sinkComponent = sink(strings.length);
  const shellComponent = shell(strings);
  return pipeline({ name: 'strings-batch', inputs }, (_p, s) => {
    const args: Record<string, string> = {};
    strings.forEach((x, i) => (args[`x${i}`] = x));
    s.task(sinkComponent as never, args as never);
    s.task(mark, {}).withEnv(Object.fromEntries(strings.map((x, i) => [`E${i}`, x])));
    s.importer({ artifactUri: 'gs://bucket/data', artifactType: Dataset, metadata: Object.fromEntries(strings.map((x) => [x, x])) });
    let k = s.task(shellComponent, {});
    strings.forEach((x, i) => {
      k = kubernetes.addPodLabel(k, { labelKey: `l${i}`, labelValue: x });
      k = kubernetes.addPodAnnotation(k, { annotationKey: x, annotationValue: x });
      k = kubernetes.addNodeSelector(k, { labelKey: `n${i}`, labelValue: x });
    });
    kubernetes.setImagePullSecrets(k, strings);
  });
}

/** A pipeline whose inputs are named by `strings` (distinct), all passed to one task. */
export function namesPipeline(strings: readonly string[]): Pipeline {
  const inputs: Record<string, z.ZodType> = {};
  for (const s of strings) inputs[s] = z.string().default('v');
  const sinkComponent = sink(strings.length);
  return pipeline({ name: 'strings-names', inputs }, (p, s) => {
    const params = p as unknown as Record<string, never>;
    const args: Record<string, never> = {};
    strings.forEach((name, i) => (args[`x${i}`] = params[name]!));
    s.task(sinkComponent as never, args as never);
  });
}

/** A pipeline whose description, display name and one task's display name are `s`. */
export function pipelinePipeline(s: string): Pipeline {
  return pipeline({ name: 'strings-pipeline', description: s, displayName: s }, (_p, sc) => void sc.task(mark, {}).withDisplayName(s));
}
