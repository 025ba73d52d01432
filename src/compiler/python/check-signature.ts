import { PYTHON_ARTIFACT_CLASS, type ArtifactType } from '../../dsl/artifacts.ts';
import type { ComponentNode } from '../../dsl/nodes.ts';
import type { IoSpec } from '../../dsl/component-node.ts';
import { diagnostic } from '../../diagnostics.ts';
import type { Report } from '../context.ts';
import { annotationMeaning, embeddedInner, namedTupleFields, returnArtifact, returnMeaning } from './annotation.ts';
import { parsePythonLiteral } from './literal.ts';
import type { PythonSignature } from './signature.ts';

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

/**
 * The TypeScript declaration and the Python function must agree on names, kinds, types and
 * defaults: kfp reads the interface from the Python signature, so any difference would make the
 * two SDKs compile different pipelines from the same function.
 */
export function checkSignature(component: ComponentNode, sig: PythonSignature, where: readonly string[], file: string | undefined, report: Report): void {
  const fail = (name: string, message: string) =>
    report(diagnostic('python/signature-mismatch', [...where, name], message, file));
  // Embedded inputs (declared in embeddedInputs or annotated EmbeddedInput[...]) are no part of
  // the interface: python/resolve-embedded.ts checks them.
  const embedded = component.implementation.kind === 'python' ? (component.implementation.embedded?.inputs ?? {}) : {};
  const isEmbedded = (p: PythonSignature['params'][number]) => p.name in embedded || (p.annotation !== undefined && embeddedInner(p.annotation) !== undefined);
  const ownParams = sig.params.filter((p) => !isEmbedded(p));
  const params = new Map(ownParams.map((p) => [p.name, p]));

  for (const p of ownParams) {
    if (p.star) fail(p.name, `the Python function takes ${p.star}${p.name}; kfp components need named parameters only`);
    else if (!(p.name in component.interface.inputs) && !(p.name in component.interface.outputs))
      fail(p.name, `the Python function has a parameter '${p.name}' that the TypeScript declaration lacks; declare it in inputs or outputs, or remove it from the function`);
  }

  for (const [name, spec] of Object.entries(component.interface.inputs)) {
    if (name in embedded) continue; // declared twice: reported with the embedded inputs
    const p = params.get(name);
    if (!p) {
      fail(name, `the declaration has an input '${name}' that the Python function '${sig.name}' does not take; add the parameter to the function or remove the input`);
      continue;
    }
    if (!p.annotation) {
      fail(name, `the Python parameter '${name}' has no type annotation; annotate it (e.g. '${name}: str')`);
      continue;
    }
    const m = annotationMeaning(p.annotation);
    if (spec.kind === 'parameter') {
      if (m.kind !== 'parameter' || m.parameterType !== spec.parameterType) {
        fail(name, `declared as ${describe(spec)} but the Python annotation is '${p.annotation}'`);
        continue;
      }
      const hasDefault = p.defaultText !== undefined;
      // The final status is optional in the IR although the Python parameter has no default.
      if (spec.parameterType === 'TASK_FINAL_STATUS') continue;
      if (spec.optional !== hasDefault) {
        fail(name, spec.optional
          ? `optional in the declaration but the Python parameter has no default; give it one (or drop .default()/.optional())`
          : `required in the declaration but the Python parameter has the default ${p.defaultText}; add .default(...) to the declaration or remove the Python default`);
        continue;
      }
      if (hasDefault) {
        const lit = parsePythonLiteral(p.defaultText!);
        if (!lit.ok) {
          fail(name, `the Python default ${p.defaultText} is not a literal; use a constant`);
          continue;
        }
        const tsDefault = spec.defaultValue ?? null;
        if (!sameValue(lit.value, tsDefault))
          fail(name, `the default differs: the declaration says ${JSON.stringify(tsDefault)}, the Python function says ${p.defaultText}`);
      }
    } else if (spec.kind === 'artifact') {
      if (m.kind !== 'artifactInput' || !artifactClassMatches(m.className, spec.artifactType) || m.isList !== spec.isList) {
        fail(name, `declared as an input ${describe(spec)} but the Python annotation is '${p.annotation}' (expected Input[${spec.isList ? 'List[' : ''}${PYTHON_ARTIFACT_CLASS[spec.artifactType.schemaTitle] ?? 'Artifact'}${spec.isList ? ']' : ''}])`);
        continue;
      }
      if (m.optional !== spec.optional)
        fail(name, spec.optional ? `optional in the declaration; make the Python parameter Optional[...] = None` : `the Python parameter is optional; declare it with input(..., { optional: true })`);
    }
  }

  // kfp makes each field of a NamedTuple return annotation an output.
  const tupleFields = sig.returns ? namedTupleFields(sig.returns) : undefined;
  for (const [field] of tupleFields ?? [])
    if (!(field in component.interface.outputs))
      fail(field, `the Python function returns a NamedTuple with the field '${field}'; declare it in outputs`);
  for (const [name, spec] of Object.entries(component.interface.outputs)) {
    if (name in embedded) continue; // declared twice: reported with the embedded inputs
    const fieldType = tupleFields?.get(name);
    if (fieldType !== undefined && !params.has(name)) {
      if (spec.kind === 'artifact') {
        const a = returnArtifact(fieldType);
        if (!a || !artifactClassMatches(a.className, spec.artifactType) || a.isList !== spec.isList)
          fail(name, `the output '${name}' is declared as ${describe(spec)} but the NamedTuple field's type is '${fieldType}'`);
      } else if (spec.kind !== 'parameter' || returnMeaning(fieldType) !== spec.parameterType)
        fail(name, `the output '${name}' is declared as ${describe(spec)} but the NamedTuple field's type is '${fieldType}'`);
      continue;
    }
    if (name === 'Output' && spec.kind === 'parameter' && !params.has(name)) {
      const r = sig.returns ? returnMeaning(sig.returns) : undefined;
      if (r !== spec.parameterType) fail(name, `the output 'Output' is ${spec.parameterType} but the Python return annotation is '${sig.returns ?? 'missing'}'`);
      continue;
    }
    if (name === 'Output' && spec.kind === 'artifact' && !params.has(name) && sig.returns && !tupleFields) {
      // kfp's pythonic artifact return (`-> Dataset`).
      const a = returnArtifact(sig.returns);
      if (!a || !artifactClassMatches(a.className, spec.artifactType) || a.isList !== spec.isList)
        fail(name, `the output 'Output' is ${describe(spec)} but the Python return annotation is '${sig.returns}'`);
      continue;
    }
    const p = params.get(name);
    if (!p?.annotation) {
      fail(name, `the declaration has an output '${name}' that the Python function does not take; add '${name}: Output[...]' (or OutputPath(...)) to the function`);
      continue;
    }
    const m = annotationMeaning(p.annotation);
    if (spec.kind === 'artifact') {
      if (m.kind !== 'artifactOutput' || !artifactClassMatches(m.className, spec.artifactType) || m.isList !== spec.isList)
        fail(name, `declared as an output ${describe(spec)} but the Python annotation is '${p.annotation}'`);
    } else if (spec.kind === 'parameter') {
      if (m.kind !== 'parameterOutput' || m.parameterType !== spec.parameterType)
        fail(name, `declared as a ${spec.parameterType} output but the Python annotation is '${p.annotation}' (expected OutputPath(...))`);
    }
  }
  if (sig.returns && returnMeaning(sig.returns) !== undefined && !('Output' in component.interface.outputs))
    fail('Output', `the Python function returns '${sig.returns}'; declare it as outputs: { Output: z.… }`);
}
