import type { ArtifactSpec, ContainerImplementation, InterfaceNode, IoSpec } from '../component-node.ts';
import type { ComponentNode } from '../nodes.ts';
import { k8sName } from '../k8s-name.ts';
import type { ParameterSpec } from '../parameter-types.ts';
import type { CommandLineElement } from '../placeholders.ts';
import { sanitizeIoName } from '../io-name.ts';
import { convertV1Argument, type ConversionContext, type PlaceholderProblem } from './v1-placeholders.ts';
import { v1ComponentSpec, type V1Argument, type V1ComponentSpec } from './v1-schema.ts';
import { IN_MEMORY_TYPE_NAME, v1Default, v1Type } from './v1-types.ts';

/**
 * A kfp v1 component (`component.yaml` with `implementation.container`) as kfp 2.17.3 loads it
 * (`structures.ComponentSpec.from_v1_component_spec`): a container component whose inputs and
 * outputs have kfp's sanitized names (`Hash algorithm` → `hash_algorithm`) and v2 types (a
 * parameter type for String/Integer/Float/Bool/List/Dict/JsonObject/JsonArray, a `google.*` or
 * system artifact type, `system.Artifact` for every other type name and for no type), and
 * defaults cast by kfp's rules (`'0.3'` for a Float is 0.3; a JSON text for a JsonObject is the
 * object). Pure: pass the parsed document; problems come back as data.
 */
export interface V1Conversion {
  readonly node?: ComponentNode;
  readonly problems: readonly PlaceholderProblem[];
}

export interface V1SourceFacts {
  /** Indexes of inputs whose `default` PyYAML reads as a float (`3.0`): Python prints those with a decimal point. */
  readonly floatDefaults?: ReadonlySet<number>;
}

function zodProblems(error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] }): PlaceholderProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('/') || '(document)',
    message:
      issue.code === 'unrecognized_keys'
        ? `${issue.message} (kfp's v1 format has no such key)`
        : issue.code === 'invalid_union'
          ? 'not a valid v1 value here: a command-line argument is a string or one placeholder mapping ({inputValue: …}, {inputPath: …}, {outputPath: …}, {concat: […]}, {if: {cond: {isPresent: …}, then: …}}); numbers must be quoted'
          : issue.message,
  }));
}

/** kfp checks at task creation that each placeholder suits its input's kind (check_primitive_placeholder_is_used_for_correct_io_type). */
function checkPlaceholderKinds(e: CommandLineElement, iface: InterfaceNode, path: string, problems: PlaceholderProblem[]): void {
  if (typeof e === 'string') return;
  if (e.kind === 'concat') {
    e.items.forEach((item, i) => checkPlaceholderKinds(item, iface, `${path}/concat/${i}`, problems));
    return;
  }
  if (e.kind === 'ifPresent') {
    for (const branch of [e.then, e.else]) {
      if (branch === undefined) continue;
      const list = Array.isArray(branch) ? (branch as CommandLineElement[]) : [branch as CommandLineElement];
      for (const item of list) checkPlaceholderKinds(item, iface, path, problems);
    }
    return;
  }
  if (e.kind !== 'placeholder') return;
  const ref = e.ref;
  const input = 'name' in ref ? iface.inputs[ref.name] : undefined;
  if (ref.kind === 'inputValue' && input?.kind === 'artifact')
    problems.push({ path, message: `{inputValue: …} of '${ref.name}', an artifact input (${input.artifactType.schemaTitle}): kfp refuses it; pass an artifact with {inputPath: …} or {inputUri: …}, or give the input a parameter type` });
  if ((ref.kind === 'inputPath' || ref.kind === 'inputUri') && input?.kind === 'parameter')
    problems.push({ path, message: `{${ref.kind}: …} of '${ref.name}', a parameter input: kfp refuses it; use {inputValue: …}, or give the input an artifact type` });
  if (ref.kind === 'outputUri' && iface.outputs[ref.name]?.kind === 'parameter')
    problems.push({ path, message: `{outputUri: …} of '${ref.name}', a parameter output: kfp refuses it; use {outputPath: …}` });
}

function containsNull(value: unknown): boolean {
  if (value === null) return true;
  return typeof value === 'object' && Object.values(value as object).some(containsNull);
}

export function componentFromV1(doc: unknown, facts: V1SourceFacts = {}): V1Conversion {
  const parsed = v1ComponentSpec.safeParse(doc);
  if (!parsed.success) return { problems: zodProblems(parsed.error) };
  const spec: V1ComponentSpec = parsed.data;
  const problems: PlaceholderProblem[] = [];
  if (!('container' in spec.implementation))
    return { problems: [{ path: 'implementation', message: 'a v1 graph component (implementation.graph): kfp 2 loads container components only' }] };
  const container = spec.implementation.container;

  const seen = new Set<string>();
  for (const [list, what] of [
    [spec.inputs ?? [], 'input'],
    [spec.outputs ?? [], 'output'],
  ] as const) {
    seen.clear();
    for (const io of list) {
      if (seen.has(io.name)) problems.push({ path: `${what}s/${io.name}`, message: `the ${what} name '${io.name}' is declared twice` });
      seen.add(io.name);
    }
  }

  const inputs: Record<string, IoSpec> = {};
  (spec.inputs ?? []).forEach((input, index) => {
    const type = v1Type(input.type, 'input');
    const hasDefault = input.default !== undefined && input.default !== null;
    const optional = input.optional === true || hasDefault;
    const name = sanitizeIoName(input.name);
    if (type.kind === 'artifact') {
      inputs[name] = { kind: 'artifact', artifactType: type.artifactType, isList: false, optional } satisfies ArtifactSpec;
      return;
    }
    if (type.parameterType === 'TASK_FINAL_STATUS') {
      inputs[name] = { kind: 'parameter', parameterType: 'TASK_FINAL_STATUS', optional: true, typeName: IN_MEMORY_TYPE_NAME.TASK_FINAL_STATUS };
      return;
    }
    let defaultValue: ParameterSpec['defaultValue'];
    if (hasDefault) {
      try {
        defaultValue = v1Default(input.type, input.default!, facts.floatDefaults?.has(index) ?? false);
      } catch (err) {
        problems.push({ path: `inputs/${input.name}/default`, message: `${(err as Error).message} (kfp casts a ${String(input.type)} default with it and fails)` });
      }
    }
    if (defaultValue !== undefined && containsNull(defaultValue)) {
      problems.push({ path: `inputs/${input.name}/default`, message: 'the default holds a null, which kfp cannot write into the IR (it fails to compile); leave it out' });
      defaultValue = undefined;
    }
    inputs[name] = {
      kind: 'parameter',
      parameterType: type.parameterType,
      optional,
      ...(defaultValue !== undefined ? { defaultValue } : {}),
      typeName: IN_MEMORY_TYPE_NAME[type.parameterType],
    } satisfies ParameterSpec;
  });

  const outputs: Record<string, IoSpec> = {};
  for (const output of spec.outputs ?? []) {
    const type = v1Type(output.type, 'output');
    outputs[sanitizeIoName(output.name)] =
      type.kind === 'artifact'
        ? { kind: 'artifact', artifactType: type.artifactType, isList: false, optional: false }
        : { kind: 'parameter', parameterType: type.parameterType, optional: false, typeName: IN_MEMORY_TYPE_NAME[type.parameterType] };
  }

  for (const [name] of Object.entries(container.fileOutputs ?? {}))
    if (!(spec.outputs ?? []).some((o) => o.name === name))
      problems.push({ path: `implementation/container/fileOutputs/${name}`, message: `names the output '${name}', which the component does not declare` });

  const ctx: ConversionContext = { inputNames: new Set((spec.inputs ?? []).map((i) => i.name)), outputs: spec.outputs ?? [], problems };
  const convert = (list: readonly V1Argument[] | null | undefined, field: string): CommandLineElement[] =>
    (list ?? []).flatMap((arg, i) => {
      const e = convertV1Argument(arg, ctx, `implementation/container/${field}/${i}`);
      return e === undefined ? [] : [e];
    });
  const command = convert(container.command, 'command');
  const args = convert(container.args, 'args');
  const iface: InterfaceNode = Object.freeze({ inputs: Object.freeze(inputs), outputs: Object.freeze(outputs) });
  command.forEach((e, i) => checkPlaceholderKinds(e, iface, `implementation/container/command/${i}`, problems));
  args.forEach((e, i) => checkPlaceholderKinds(e, iface, `implementation/container/args/${i}`, problems));
  if (problems.length) return { problems };

  const env = container.env ?? {};
  const implementation: ContainerImplementation = Object.freeze({
    kind: 'container',
    image: container.image,
    command: Object.freeze(command),
    args: Object.freeze(args),
    ...(Object.keys(env).length ? { env: Object.freeze({ ...env }) } : {}),
  });
  const node: ComponentNode = Object.freeze({
    kind: 'component',
    // kfp renames the component for Kubernetes when it loads it (`Xgboost train` → `xgboost-train`).
    name: k8sName(spec.name ?? 'name'),
    interface: iface,
    implementation,
    ...(spec.description ? { description: spec.description } : {}),
  });
  return { node, problems: [] };
}
