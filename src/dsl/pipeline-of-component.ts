import type { ChannelNode } from './channels.ts';
import type { Component } from './component.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { k8sName } from './k8s-name.ts';
import { pipelineOf, type Pipeline } from './pipeline.ts';
import type { PipelineNode } from './nodes.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';

/**
 * A single component as a pipeline of its own, as kfp compiles a component (`Compiler().compile(
 * component, …)`): named after the component, the component's inputs as the pipeline's, one task
 * that takes them all, and the task's outputs as the pipeline's outputs. As in kfp, the root's
 * inputs and outputs carry the descriptions a Python component's docstring gives; a component or
 * pipeline loaded from IR compiles to the loaded document itself (kfp's `YamlComponent.pipeline_spec`).
 *
 * @example compilePipeline(pipelineOfComponent(trainModel).build())
 */
export function pipelineOfComponent<I extends InputDecls, O extends OutputDecls>(component: Component<I, O>): Pipeline<I, O> {
  const node = component.node;
  const inner = pipelineOf<I, O>({ name: k8sName(node.name) }, node.interface, (params, s) => {
    const task = s.task(component as Component<InputDecls, OutputDecls>, params as never);
    const outputs: Record<string, ChannelNode> = {};
    for (const name of Object.keys(node.interface.outputs)) outputs[name] = task.outputs[name] as ChannelNode;
    return outputs;
  });
  let built: PipelineNode | undefined;
  const build = (): PipelineNode => (built ??= madeByKfpTs(Object.freeze({ ...inner.build(), ofComponent: true as const })));
  return madeByKfpTs(Object.freeze({ kind: 'pipelineHandle', name: inner.name, build }));
}
