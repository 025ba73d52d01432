/**
 * A producer task's output as the driver finds it (backend/src/v2/driver/resolve.go):
 * an executor task's own outputs; a DAG task's outputs through its `dag.outputs` selectors, down
 * to the task that produced them; for a OneOf (several selectors), the first branch whose
 * producer completed; and for a loop, the outputs of every iteration collected into one list in
 * iteration order — nested loops flatten into the same list, as the backend's breadth-first
 * collection does. Iterations whose producer did not run (a condition inside the loop) add
 * nothing.
 */
import type { DagOutputParameterSpec, JsonValue } from '../ir/index.ts';
import type { DagInstance, TaskNode } from './dag-state.ts';
import { succeeded, type LocalArtifact } from './model.ts';

export type Resolution<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'collected'; readonly items: readonly T[] }
  | { readonly kind: 'missing'; readonly why: string };

const missing = (why: string): { kind: 'missing'; why: string } => ({ kind: 'missing', why });

function producerOf(dag: DagInstance, name: string | undefined): TaskNode | string {
  const node = dag.nodes.get(name ?? '');
  if (node === undefined) return `no task "${name}" in ${dag.path || 'the pipeline'}`;
  if (!succeeded(node.state)) return `task "${node.path}" ${node.state.toLowerCase()}`;
  return node;
}

export function resolveParameterOutput(dag: DagInstance, producer: string | undefined, key: string | undefined): Resolution<JsonValue> {
  const node = producerOf(dag, producer);
  if (typeof node === 'string') return missing(node);
  if (node.iterations !== undefined) {
    const items: JsonValue[] = [];
    for (const iteration of node.iterations) {
      if (iteration === undefined) continue;
      const r = dagParameterOutput(iteration, node.component.dag?.outputs?.parameters?.[key ?? '']);
      if (r.kind === 'value') items.push(r.value);
      else if (r.kind === 'collected') items.push(...r.items);
    }
    return { kind: 'collected', items };
  }
  if (node.child !== undefined) return dagParameterOutput(node.child, node.component.dag?.outputs?.parameters?.[key ?? '']);
  const value = node.outputs?.parameters[key ?? ''];
  return value === undefined ? missing(`task "${node.path}" has no output parameter "${key}"`) : { kind: 'value', value };
}

function dagParameterOutput(dag: DagInstance, spec: DagOutputParameterSpec | undefined): Resolution<JsonValue> {
  if (spec === undefined) return missing(`${dag.path} declares no such output`);
  if (spec.valueFromParameter !== undefined) return resolveParameterOutput(dag, spec.valueFromParameter.producerSubtask, spec.valueFromParameter.outputParameterKey);
  for (const selector of spec.valueFromOneof?.parameterSelectors ?? []) {
    const node = dag.nodes.get(selector.producerSubtask ?? '');
    if (node !== undefined && succeeded(node.state)) return resolveParameterOutput(dag, selector.producerSubtask, selector.outputParameterKey);
  }
  return missing(`no branch of the OneOf in ${dag.path || 'the pipeline'} completed`);
}

export function resolveArtifactOutput(dag: DagInstance, producer: string | undefined, key: string | undefined): Resolution<readonly LocalArtifact[]> {
  const node = producerOf(dag, producer);
  if (typeof node === 'string') return missing(node);
  const selectors = node.component.dag?.outputs?.artifacts?.[key ?? '']?.artifactSelectors;
  if (node.iterations !== undefined) {
    const items: LocalArtifact[] = [];
    for (const iteration of node.iterations) {
      if (iteration === undefined) continue;
      const r = dagArtifactOutput(iteration, selectors);
      if (r.kind === 'value') items.push(...r.value);
      else if (r.kind === 'collected') for (const list of r.items) items.push(...list);
    }
    return { kind: 'value', value: items };
  }
  if (node.child !== undefined) return dagArtifactOutput(node.child, selectors);
  const value = node.outputs?.artifacts[key ?? ''];
  return value === undefined ? missing(`task "${node.path}" has no output artifact "${key}"`) : { kind: 'value', value };
}

function dagArtifactOutput(dag: DagInstance, selectors: readonly { readonly producerSubtask?: string; readonly outputArtifactKey?: string }[] | undefined): Resolution<readonly LocalArtifact[]> {
  if (selectors === undefined || selectors.length === 0) return missing(`${dag.path} declares no such output`);
  if (selectors.length === 1) return resolveArtifactOutput(dag, selectors[0]?.producerSubtask, selectors[0]?.outputArtifactKey);
  for (const selector of selectors) {
    const node = dag.nodes.get(selector.producerSubtask ?? '');
    if (node !== undefined && succeeded(node.state)) return resolveArtifactOutput(dag, selector.producerSubtask, selector.outputArtifactKey);
  }
  return missing(`no branch of the OneOf in ${dag.path || 'the pipeline'} completed`);
}

/** A parameter resolution as the value a consumer receives (a collection is a list). */
export function parameterValue(r: Resolution<JsonValue>): JsonValue | undefined {
  if (r.kind === 'value') return r.value;
  if (r.kind === 'collected') return [...r.items];
  return undefined;
}

export function artifactValue(r: Resolution<readonly LocalArtifact[]>): readonly LocalArtifact[] | undefined {
  if (r.kind === 'value') return r.value;
  if (r.kind === 'collected') return r.items.flat();
  return undefined;
}
