import type { InterfaceNode, IoSpec } from '../dsl/component-node.ts';
import type { ParameterValue } from '../dsl/parameter-types.ts';

type Json = Record<string, unknown>;

function parameterDef(spec: Extract<IoSpec, { kind: 'parameter' }>, isInput: boolean, defaultOverride?: unknown): Json {
  const def: Json = { parameterType: spec.parameterType };
  if (isInput && (spec.optional || spec.parameterType === 'TASK_FINAL_STATUS')) {
    def.isOptional = true;
    const dv = defaultOverride !== undefined ? defaultOverride : spec.defaultValue;
    if (dv !== undefined && dv !== null) def.defaultValue = dv as ParameterValue;
  } else if (isInput && defaultOverride !== undefined) {
    // kfp's pipeline_parameters fill a default without marking the input optional.
    def.defaultValue = defaultOverride;
  }
  if (spec.description) def.description = spec.description;
  return def;
}

function artifactDef(spec: Extract<IoSpec, { kind: 'artifact' }>, isInput: boolean): Json {
  const def: Json = { artifactType: { schemaTitle: spec.artifactType.schemaTitle, schemaVersion: spec.artifactType.schemaVersion } };
  if (spec.isList) def.isArtifactList = true;
  if (isInput && spec.optional) def.isOptional = true;
  if (spec.description) def.description = spec.description;
  return def;
}

function definitions(
  specs: Readonly<Record<string, IoSpec>>,
  isInput: boolean,
  overrides: Readonly<Record<string, unknown>>,
  descriptions: ReadonlyMap<string, string> | undefined,
): Json | undefined {
  const parameters: Json = {};
  const artifacts: Json = {};
  for (const [name, declared] of Object.entries(specs)) {
    const description = descriptions?.get(name);
    const spec = description !== undefined && declared.kind !== 'invalid' ? { ...declared, description } : declared;
    if (spec.kind === 'parameter') parameters[name] = parameterDef(spec, isInput, overrides[name]);
    else if (spec.kind === 'artifact') artifacts[name] = artifactDef(spec, isInput);
  }
  const out: Json = {};
  if (Object.keys(artifacts).length) out.artifacts = artifacts;
  if (Object.keys(parameters).length) out.parameters = parameters;
  return Object.keys(out).length ? out : undefined;
}

/** `inputDefinitions` / `outputDefinitions` of a ComponentSpec. */
export function lowerInterface(
  iface: InterfaceNode,
  overrides: Readonly<Record<string, unknown>> = {},
  descriptions?: { readonly inputs: ReadonlyMap<string, string>; readonly outputs: ReadonlyMap<string, string> },
): Json {
  const out: Json = {};
  const ins = definitions(iface.inputs, true, overrides, descriptions?.inputs);
  const outs = definitions(iface.outputs, false, {}, descriptions?.outputs);
  if (ins) out.inputDefinitions = ins;
  if (outs) out.outputDefinitions = outs;
  return out;
}
