import type { IoSpec, InterfaceNode } from '../dsl/component-node.ts';
import type {
  ComponentInputArtifactSpec,
  ComponentInputParameterSpec,
  ComponentInputsSpec,
  ComponentOutputArtifactSpec,
  ComponentOutputParameterSpec,
  ComponentOutputsSpec,
  ComponentSpec,
  JsonValue,
} from '../ir/index.ts';

/** The interface part of a ComponentSpec. */
export type ComponentInterface = Pick<ComponentSpec, 'inputDefinitions' | 'outputDefinitions'>;

/** Descriptions by input and output name (from a Python docstring). */
export interface Descriptions {
  readonly inputs: ReadonlyMap<string, string>;
  readonly outputs: ReadonlyMap<string, string>;
}

type ParameterIo = Extract<IoSpec, { kind: 'parameter' }>;
type ArtifactIo = Extract<IoSpec, { kind: 'artifact' }>;

function inputParameter(spec: ParameterIo, defaultOverride: JsonValue | undefined): ComponentInputParameterSpec {
  const optional = spec.optional || spec.parameterType === 'TASK_FINAL_STATUS';
  const dv = defaultOverride !== undefined ? defaultOverride : spec.defaultValue;
  return {
    parameterType: spec.parameterType,
    ...(optional ? { isOptional: true } : {}),
    ...(optional && dv !== undefined && dv !== null ? { defaultValue: dv } : {}),
    // kfp's pipeline_parameters fill a default without marking the input optional.
    ...(!optional && defaultOverride !== undefined ? { defaultValue: defaultOverride } : {}),
    ...(spec.description ? { description: spec.description } : {}),
  };
}

function outputParameter(spec: ParameterIo): ComponentOutputParameterSpec {
  return { parameterType: spec.parameterType, ...(spec.description ? { description: spec.description } : {}) };
}

function artifact(spec: ArtifactIo, isInput: boolean): ComponentInputArtifactSpec & ComponentOutputArtifactSpec {
  return {
    artifactType: { schemaTitle: spec.artifactType.schemaTitle, schemaVersion: spec.artifactType.schemaVersion },
    ...(spec.isList ? { isArtifactList: true } : {}),
    ...(isInput && spec.optional ? { isOptional: true } : {}),
    ...(spec.description ? { description: spec.description } : {}),
  };
}

function described(spec: IoSpec, description: string | undefined): IoSpec {
  return description !== undefined && spec.kind !== 'invalid' ? { ...spec, description } : spec;
}

/** `{ parameters, artifacts }` with the empty ones left out; undefined when both are. */
function pack<P, A>(parameters: Record<string, P>, artifacts: Record<string, A>): { parameters?: Record<string, P>; artifacts?: Record<string, A> } | undefined {
  const hasP = Object.keys(parameters).length > 0;
  const hasA = Object.keys(artifacts).length > 0;
  if (!hasP && !hasA) return undefined;
  return { ...(hasA ? { artifacts } : {}), ...(hasP ? { parameters } : {}) };
}

function inputDefinitions(specs: Readonly<Record<string, IoSpec>>, overrides: Readonly<Record<string, JsonValue>>, descriptions: ReadonlyMap<string, string> | undefined): ComponentInputsSpec | undefined {
  const parameters: Record<string, ComponentInputParameterSpec> = {};
  const artifacts: Record<string, ComponentInputArtifactSpec> = {};
  for (const [name, declared] of Object.entries(specs)) {
    const spec = described(declared, descriptions?.get(name));
    if (spec.kind === 'parameter') parameters[name] = inputParameter(spec, overrides[name]);
    else if (spec.kind === 'artifact') artifacts[name] = artifact(spec, true);
  }
  return pack(parameters, artifacts);
}

function outputDefinitions(specs: Readonly<Record<string, IoSpec>>, descriptions: ReadonlyMap<string, string> | undefined): ComponentOutputsSpec | undefined {
  const parameters: Record<string, ComponentOutputParameterSpec> = {};
  const artifacts: Record<string, ComponentOutputArtifactSpec> = {};
  for (const [name, declared] of Object.entries(specs)) {
    const spec = described(declared, descriptions?.get(name));
    if (spec.kind === 'parameter') parameters[name] = outputParameter(spec);
    else if (spec.kind === 'artifact') artifacts[name] = artifact(spec, false);
  }
  return pack(parameters, artifacts);
}

/**
 * The `inputDefinitions` / `outputDefinitions` of a ComponentSpec. `overrides` are default values
 * (kfp's `pipeline_parameters`); `descriptions` come from a Python docstring.
 */
export function lowerInterface(iface: InterfaceNode, overrides: Readonly<Record<string, JsonValue>> = {}, descriptions?: Descriptions): ComponentInterface {
  const ins = inputDefinitions(iface.inputs, overrides, descriptions?.inputs);
  const outs = outputDefinitions(iface.outputs, descriptions?.outputs);
  return { ...(ins ? { inputDefinitions: ins } : {}), ...(outs ? { outputDefinitions: outs } : {}) };
}
