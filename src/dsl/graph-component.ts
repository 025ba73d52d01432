import type { Component } from './component.ts';
import type { ComponentNode } from './nodes.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import type { Pipeline } from './pipeline-handle.ts';

/** What `s.task()` runs: a component, or a pipeline used as one (kfp's graph component). */
export type Runnable<I extends InputDecls, O extends OutputDecls> = Component<I, O> | Pipeline<I, O>;

const graphNodes = new WeakMap<object, ComponentNode>();

/**
 * The component node of a pipeline used as a component. Its interface is the pipeline's declared
 * inputs and outputs; the compiler compiles the built pipeline and merges it in (kfp's
 * `merge_deployment_spec_and_component_spec`). Built once per handle, so every use shares it.
 */
export function componentNodeOf(runnable: Runnable<InputDecls, OutputDecls>): ComponentNode {
  if (runnable.kind === 'componentHandle') return runnable.node;
  const known = graphNodes.get(runnable);
  if (known) return known;
  const built = runnable.build();
  const node: ComponentNode = Object.freeze({
    kind: 'component',
    name: built.name,
    interface: built.interface,
    implementation: Object.freeze({ kind: 'graph', pipeline: built }),
  });
  graphNodes.set(runnable, node);
  return node;
}
