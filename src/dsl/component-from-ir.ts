import type { Component } from './component.ts';
import type { ComponentNode } from './nodes.ts';
import type { InterfaceNode, IoSpec } from './component-node.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { k8sName } from './k8s-name.ts';
import type { ParameterType } from './parameter-types.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { readPipelineSpec, readPlatformSpec, type ComponentInputArtifactSpec, type ComponentInputParameterSpec, type ComponentSpec, type PipelineContainerSpec } from '../ir/index.ts';

const PARAMETER_TYPES: readonly ParameterType[] = ['STRING', 'NUMBER_INTEGER', 'NUMBER_DOUBLE', 'BOOLEAN', 'LIST', 'STRUCT', 'TASK_FINAL_STATUS'];

const isObject = (v: unknown): v is { readonly [key: string]: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);

function parameterSpec(def: ComponentInputParameterSpec, direction: 'input' | 'output'): IoSpec {
  const parameterType = PARAMETER_TYPES.find((t) => t === def.parameterType);
  if (parameterType === undefined) return { kind: 'invalid', message: `unknown parameter type ${String(def.parameterType)} in the IR` };
  if (direction === 'output') return { kind: 'parameter', parameterType, optional: false };
  // IR from kfp<=2.0.0b8 has defaults without isOptional; kfp treats a default as optional.
  const optional = def.isOptional ?? def.defaultValue !== undefined;
  return { kind: 'parameter', parameterType, optional, ...(def.defaultValue !== undefined && def.defaultValue !== null ? { defaultValue: def.defaultValue } : {}) };
}

function artifactSpec(def: ComponentInputArtifactSpec, direction: 'input' | 'output'): IoSpec {
  const type = def.artifactType;
  if (type?.schemaTitle === undefined) return { kind: 'invalid', message: 'an IR definition needs a parameterType or an artifactType with a schemaTitle' };
  return {
    kind: 'artifact',
    artifactType: { kind: 'artifactType', schemaTitle: type.schemaTitle, schemaVersion: type.schemaVersion ?? '0.0.1' },
    isList: def.isArtifactList === true,
    optional: direction === 'input' && def.isOptional === true,
  };
}

function specsOf(defs: ComponentSpec['inputDefinitions'] | ComponentSpec['outputDefinitions'], direction: 'input' | 'output'): Record<string, IoSpec> {
  const out: Record<string, IoSpec> = {};
  // kfp lists parameters before artifacts (`{**parameters, **artifacts}`).
  for (const [name, def] of Object.entries(defs?.parameters ?? {})) out[name] = parameterSpec(def, direction);
  for (const [name, def] of Object.entries(defs?.artifacts ?? {})) out[name] = artifactSpec(def, direction);
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
  // The typed, canonical form (src/ir/read.ts): a valid document is only respelled.
  const pipelineSpec = readPipelineSpec(docs[0]);
  const platformSpec = isObject(docs[1]) ? readPlatformSpec(docs[1]) : undefined;
  const name = pipelineSpec.pipelineInfo?.name ?? '';
  const own: ComponentSpec | undefined = pipelineSpec.components?.[`comp-${k8sName(name)}`];
  const spec: ComponentSpec = own ?? pipelineSpec.root ?? {};
  const iface: InterfaceNode = Object.freeze({
    inputs: Object.freeze(specsOf(spec.inputDefinitions, 'input')),
    outputs: Object.freeze(specsOf(spec.outputDefinitions, 'output')),
  });
  const executor = pipelineSpec.deploymentSpec?.executors?.[`exec-${k8sName(name)}`];
  let container: PipelineContainerSpec | undefined;
  if (executor) {
    const c = executor.container ?? {};
    // kfp keeps only these (resources "can only be set on tasks").
    container = {
      image: c.image,
      ...(c.command !== undefined ? { command: c.command } : {}),
      ...(c.args !== undefined ? { args: c.args } : {}),
      ...(c.env !== undefined ? { env: c.env } : {}),
    };
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
  return madeByKfpTs(Object.freeze({ kind: 'componentHandle', node }));
}
