import { PYTHON_ARTIFACT_CLASS, type ArtifactType } from '../../dsl/artifacts.ts';
import type { ComponentNode } from '../../dsl/nodes.ts';
import type { IoSpec } from '../../dsl/component-node.ts';
import { diagnostic } from '../../diagnostics.ts';
import type { Report } from '../context.ts';
import { kfpInterface, type KfpIo, type PythonSignature } from '../../python/index.ts';

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The annotation's class (`BQTable` or `bq_types.BQTable`) against the declared type. */
function artifactClassMatches(className: string, type: ArtifactType): boolean {
  const last = className.split('.').pop();
  const expected = PYTHON_ARTIFACT_CLASS[type.schemaTitle] ?? type.pythonClass?.split('.').pop() ?? type.schemaTitle.split('.').pop();
  return last === expected;
}

function describe(spec: IoSpec): string {
  if (spec.kind === 'parameter') return spec.parameterType;
  if (spec.kind === 'artifact') return `${spec.isList ? 'list of ' : ''}${spec.artifactType.schemaTitle}`;
  return 'invalid';
}

function describeKfp(io: KfpIo): string {
  return io.kind === 'parameter' ? io.parameterType : `${io.isList ? 'list of ' : ''}${io.className}`;
}

/** What the Python signature says of one name, against what the declaration says. */
function compare(name: string, spec: IoSpec, io: KfpIo, isInput: boolean, annotation: string | undefined, fail: (name: string, message: string) => void): void {
  const as = annotation ? ` (the annotation is '${annotation}')` : '';
  if (spec.kind === 'invalid') return;
  if (spec.kind === 'parameter') {
    if (io.kind !== 'parameter' || io.parameterType !== spec.parameterType) {
      fail(name, `declared as ${isInput ? '' : 'an output '}${describe(spec)} but kfp reads the Python function as ${describeKfp(io)}${as}`);
      return;
    }
    if (!isInput || spec.parameterType === 'TASK_FINAL_STATUS') return;
    if (spec.optional !== io.optional) {
      fail(
        name,
        spec.optional
          ? `optional in the declaration but the Python parameter has no default; give it one (or drop .default()/.optional())`
          : `required in the declaration but the Python parameter has the default ${io.defaultText}; add .default(...) to the declaration or remove the Python default`,
      );
      return;
    }
    if (io.optional && !sameValue(io.defaultValue ?? null, spec.defaultValue ?? null))
      fail(name, `the default differs: the declaration says ${JSON.stringify(spec.defaultValue ?? null)}, the Python function says ${io.defaultText}`);
    return;
  }
  if (io.kind !== 'artifact' || !artifactClassMatches(io.className, spec.artifactType) || io.isList !== spec.isList) {
    const cls = PYTHON_ARTIFACT_CLASS[spec.artifactType.schemaTitle] ?? spec.artifactType.pythonClass?.split('.').pop() ?? 'Artifact';
    const expected = isInput ? `Input[${spec.isList ? `List[${cls}]` : cls}]` : `Output[${cls}]`;
    fail(name, `declared as ${isInput ? 'an input' : 'an output'} ${describe(spec)} but kfp reads the Python function as ${describeKfp(io)}${as} (expected e.g. ${expected})`);
    return;
  }
  if (isInput && io.optional !== spec.optional)
    fail(name, spec.optional ? `optional in the declaration; give the Python parameter the default None` : `the Python parameter is optional (it defaults to None); declare it with input(..., { optional: true })`);
}

/**
 * The TypeScript declaration and the Python function must agree on names, kinds, types and
 * defaults: kfp reads the interface from the Python signature (every annotation form it accepts:
 * see src/python/kfp-interface.ts), so any difference would make the two SDKs compile different pipelines
 * from the same function. `module` is the whole file, for a NamedTuple class the return names.
 */
export function checkSignature(component: ComponentNode, sig: PythonSignature, where: readonly string[], file: string | undefined, module: string | undefined, report: Report): void {
  const fail = (name: string, message: string) => report(diagnostic('python/signature-mismatch', [...where, name], message, file));
  const kfp = kfpInterface(sig, module);
  const annotations = new Map(sig.params.map((p) => [p.name, p.annotation]));
  // Embedded inputs (declared in embeddedInputs or annotated EmbeddedInput[...]) are no part of
  // the interface: python/resolve-embedded.ts checks them.
  const embedded = component.implementation.kind === 'python' ? (component.implementation.embedded?.inputs ?? {}) : {};
  const isEmbedded = (name: string) => name in embedded || kfp.embedded.has(name);

  for (const p of kfp.problems) if (!isEmbedded(p.name)) fail(p.name, p.message);
  const reported = new Set(kfp.problems.map((p) => p.name));

  for (const [name, io] of kfp.inputs) {
    if (isEmbedded(name)) continue;
    if (name in component.interface.inputs) compare(name, component.interface.inputs[name]!, io, true, annotations.get(name), fail);
    else if (name in component.interface.outputs) fail(name, `declared as an output but kfp reads the Python parameter as an input ${describeKfp(io)} (the annotation is '${annotations.get(name)}')`);
    else fail(name, `the Python function has a parameter '${name}' that the TypeScript declaration lacks; declare it in inputs, or remove it from the function`);
  }
  for (const [name, io] of kfp.outputs) {
    if (isEmbedded(name)) continue;
    const fromReturn = !annotations.has(name);
    if (name in component.interface.outputs) compare(name, component.interface.outputs[name]!, io, false, annotations.get(name), fail);
    else if (name in component.interface.inputs) fail(name, `declared as an input but kfp reads the Python parameter as an output ${describeKfp(io)} (the annotation is '${annotations.get(name)}')`);
    else if (fromReturn)
      fail(name, name === 'Output' ? `the Python function returns '${sig.returns}'; declare it as outputs: { Output: … }` : `the Python function returns a NamedTuple with the field '${name}'; declare it in outputs`);
    else fail(name, `the Python function has a parameter '${name}' that the TypeScript declaration lacks; declare it in outputs, or remove it from the function`);
  }
  for (const name of Object.keys(component.interface.inputs)) {
    if (isEmbedded(name) || reported.has(name) || kfp.inputs.has(name) || kfp.outputs.has(name)) continue;
    fail(name, `the declaration has an input '${name}' that the Python function '${sig.name}' does not take; add the parameter to the function or remove the input`);
  }
  for (const name of Object.keys(component.interface.outputs)) {
    if (isEmbedded(name) || reported.has(name) || kfp.inputs.has(name) || kfp.outputs.has(name)) continue;
    fail(
      name,
      name === 'Output'
        ? `the output 'Output' is ${describe(component.interface.outputs[name]!)} but the Python function has ${sig.returns ? `the return annotation '${sig.returns}'` : 'no return annotation'}`
        : `the declaration has an output '${name}' that the Python function does not take; add '${name}: Output[...]' (or OutputPath(...)) to the function`,
    );
  }
}
