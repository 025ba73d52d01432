import { PYTHON_ARTIFACT_CLASS, type ArtifactType } from '../../dsl/artifacts.ts';
import type { ComponentNode } from '../../dsl/nodes.ts';
import type { PythonImplementation } from '../../dsl/component-node.ts';
import { diagnostic } from '../../diagnostics.ts';
import { pathAt, type NamedContext, type Report } from '../context.ts';
import { embeddedInner, extractFunctionSource, parseSignature } from '../../python/index.ts';
import { embeddedHelper } from './embedded-program.ts';

function pythonClass(type: ArtifactType): string {
  return PYTHON_ARTIFACT_CLASS[type.schemaTitle] ?? type.pythonClass?.split('.').pop() ?? type.schemaTitle.split('.').pop()!;
}

/**
 * The function's `dsl.EmbeddedInput[T]` parameters against `embeddedInputs`: each declared one is
 * a parameter of that class, each such parameter is declared, none is also an input or output.
 */
function checkEmbeddedInputs(
  component: ComponentNode,
  impl: PythonImplementation,
  module: string | undefined,
  where: readonly string[],
  file: string | undefined,
  report: Report,
): void {
  const declared = impl.embedded?.inputs ?? {};
  const fail = (name: string, message: string) => report(diagnostic('python/embedded-input-mismatch', [...where, name], message, file));
  for (const name of Object.keys(declared))
    if (name in component.interface.inputs || name in component.interface.outputs)
      fail(name, `'${name}' is declared both as an embedded input and as an input or output; an embedded input is not part of the component's interface, keep one`);
  const fn = module === undefined ? undefined : extractFunctionSource(module, impl.functionName);
  const sig = fn ? parseSignature(fn.text) : undefined;
  if (!sig) return; // the Python source resolution reports it
  const params = new Map(sig.params.map((p) => [p.name, p]));
  for (const [name, type] of Object.entries(declared)) {
    const p = params.get(name);
    if (!p) {
      fail(name, `the declaration has an embedded input '${name}' that the Python function '${impl.functionName}' does not take; add '${name}: dsl.EmbeddedInput[dsl.${pythonClass(type)}]' or remove it`);
      continue;
    }
    const inner = p.annotation === undefined ? undefined : embeddedInner(p.annotation);
    if (inner === undefined || inner.split('.').pop() !== pythonClass(type))
      fail(name, `declared as an embedded ${type.schemaTitle} but the Python annotation is '${p.annotation ?? '(none)'}' (expected EmbeddedInput[${pythonClass(type)}])`);
  }
  for (const p of sig.params)
    if (p.annotation !== undefined && embeddedInner(p.annotation) !== undefined && !(p.name in declared))
      fail(p.name, `the Python parameter '${p.name}' is an EmbeddedInput; declare it in embeddedInputs (and give the component embeddedArtifact or a notebook)`);
}

/**
 * Archives every embedded asset into its helper text and checks embedded inputs (the parameters
 * declared in `embeddedInputs` or annotated `EmbeddedInput[...]`, which the signature check
 * leaves to this pass).
 */
export function resolveEmbedded(ctx: NamedContext): ReadonlyMap<string, string> {
  const { naming: s, options } = ctx;
  const helpers = new Map<string, string>();
  const byComponent = new Map<object, string | undefined>();
  for (const t of s.tasks) {
    const component = t.node.component;
    const impl = component.implementation;
    if (impl.kind !== 'python' || byComponent.has(component)) {
      const helper = byComponent.get(component);
      if (helper !== undefined) helpers.set(t.node.id, helper);
      continue;
    }
    const where = pathAt(s, t, 'component', impl.functionName);
    const file = impl.source.kind === 'file' ? impl.source.path : undefined;
    const module = impl.source.kind === 'inline' ? impl.source.code : options.sources?.get(impl.source.path);
    // Only a module that mentions EmbeddedInput can have such a parameter (no second parse otherwise).
    // Stryker disable next-line ConditionalExpression,StringLiteral: a filter only; checking every module finds nothing more
    if (impl.embedded || module?.includes('EmbeddedInput')) {
      checkEmbeddedInputs(component, impl, module, where, file, ctx.report);
    }
    let helper: string | undefined;
    if (impl.embedded) {
      if (impl.targetImage !== undefined)
        ctx.report(diagnostic('python/embedded-with-target-image', where, `a component built into an image (targetImage) runs the function from the image, so kfp drops the embedded ${impl.embedded.kind}; remove one of the two`, file));
      else if (!impl.embedded.path)
        ctx.report(diagnostic('python/embedded-input-without-asset', where, `embeddedInputs are given but nothing is embedded; add embeddedArtifact (a file or directory)`, file));
      else helper = embeddedHelper(impl.embedded, options.embedded?.get(impl.embedded.path), where, ctx.report);
    }
    byComponent.set(component, helper);
    if (helper !== undefined) helpers.set(t.node.id, helper);
  }
  return helpers;
}
