import type { Component } from './component.ts';
import type { ComponentNode, InterfaceNode, IoSpec } from './component-node.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { k8sName } from './k8s-name.ts';
import type { ParameterType } from './parameter-types.ts';

type Json = Record<string, unknown>;

const PARAMETER_TYPES: readonly ParameterType[] = ['STRING', 'NUMBER_INTEGER', 'NUMBER_DOUBLE', 'BOOLEAN', 'LIST', 'STRUCT', 'TASK_FINAL_STATUS'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function ioSpec(def: unknown, direction: 'input' | 'output'): IoSpec {
  if (!isObject(def)) return { kind: 'invalid', message: 'the IR definition is not a mapping' };
  if ('parameterType' in def) {
    const parameterType = def.parameterType as ParameterType;
    if (!PARAMETER_TYPES.includes(parameterType)) return { kind: 'invalid', message: `unknown parameter type ${String(def.parameterType)} in the IR` };
    if (direction === 'output') return { kind: 'parameter', parameterType, optional: false };
    // IR from kfp<=2.0.0b8 has defaults without isOptional; kfp treats a default as optional.
    const optional = typeof def.isOptional === 'boolean' ? def.isOptional : 'defaultValue' in def;
    return { kind: 'parameter', parameterType, optional, ...('defaultValue' in def ? { defaultValue: def.defaultValue as never } : {}) };
  }
  const type = def.artifactType;
  if (!isObject(type) || typeof type.schemaTitle !== 'string')
    return { kind: 'invalid', message: 'an IR definition needs a parameterType or an artifactType with a schemaTitle' };
  return {
    kind: 'artifact',
    artifactType: { kind: 'artifactType', schemaTitle: type.schemaTitle, schemaVersion: String(type.schemaVersion ?? '0.0.1') },
    isList: def.isArtifactList === true,
    optional: direction === 'input' && def.isOptional === true,
  };
}

function specsOf(defs: unknown, direction: 'input' | 'output'): Record<string, IoSpec> {
  const out: Record<string, IoSpec> = {};
  if (!isObject(defs)) return out;
  // kfp lists parameters before artifacts (`{**parameters, **artifacts}`).
  for (const group of ['parameters', 'artifacts'])
    for (const [name, def] of Object.entries(isObject(defs[group]) ? (defs[group] as Json) : {})) out[name] = ioSpec(def, direction);
  return out;
}

/** Why a document cannot be a component, or undefined. */
function shapeProblem(docs: readonly unknown[]): string | undefined {
  const spec = docs[0];
  if (!isObject(spec)) return 'the first document must be a PipelineSpec mapping';
  if ('implementation' in spec) return 'this is a kfp v1 component (it has `implementation`): load its text with loadComponentFromText, or the file with loadComponentFromFile';
  if (!isObject(spec.pipelineInfo) || typeof spec.pipelineInfo.name !== 'string') return 'the PipelineSpec has no pipelineInfo.name';
  if (!isObject(spec.root)) return 'the PipelineSpec has no root';
  if (docs[1] !== undefined && docs[1] !== null && !isObject(docs[1])) return 'the second document must be a PlatformSpec mapping';
  return undefined;
}

/**
 * A component (or a whole pipeline) from compiled IR, as kfp's `load_component_from_file` reads
 * it: the interface comes from the component named in `pipelineInfo` (else the root); IR with an
 * executor of that name is a single component whose container is reused, anything else is a
 * pipeline merged into the one that uses it. Pure: pass the parsed documents (PipelineSpec, then
 * the optional PlatformSpec); `componentFromIrYaml` parses text.
 *
 * @example
 * const train = componentFromIr([pipelineSpec]);
 * s.task(train, { epochs: 3 });
 *
 * @throws Error when the documents are not compiled v2 IR (a malformed file is a usage error, found
 * when it is loaded, not when a pipeline is compiled).
 */
export function componentFromIr(docs: readonly unknown[]): Component<InputDecls, OutputDecls> {
  const problem = shapeProblem(docs);
  if (problem) throw new Error(`cannot load a component from IR: ${problem}`);
  const pipelineSpec = structuredClone(docs[0]) as Json;
  const platformSpec = isObject(docs[1]) ? (structuredClone(docs[1]) as Json) : undefined;
  const name = (pipelineSpec.pipelineInfo as Json).name as string;
  const components = isObject(pipelineSpec.components) ? pipelineSpec.components : {};
  const own = components[`comp-${k8sName(name)}`];
  const spec = (isObject(own) ? own : pipelineSpec.root) as Json;
  const iface: InterfaceNode = Object.freeze({
    inputs: Object.freeze(specsOf(spec.inputDefinitions, 'input')),
    outputs: Object.freeze(specsOf(spec.outputDefinitions, 'output')),
  });
  const executors = ((pipelineSpec.deploymentSpec as Json | undefined)?.executors ?? {}) as Json;
  const executor = executors[`exec-${k8sName(name)}`];
  let container: Json | undefined;
  if (isObject(executor)) {
    const c = isObject(executor.container) ? executor.container : {};
    // kfp keeps only these (resources "can only be set on tasks").
    container = { image: c.image };
    if (c.command !== undefined) container.command = c.command;
    if (c.args !== undefined) container.args = c.args;
    if (c.env !== undefined) container.env = c.env;
  }
  const node: ComponentNode = Object.freeze({
    kind: 'component',
    name,
    interface: iface,
    implementation: Object.freeze({
      kind: 'ir',
      pipelineSpec: Object.freeze(pipelineSpec),
      ...(platformSpec ? { platformSpec: Object.freeze(platformSpec) } : {}),
      ...(container ? { container: Object.freeze(container) } : {}),
    }),
  });
  return Object.freeze({ kind: 'componentHandle', node });
}
