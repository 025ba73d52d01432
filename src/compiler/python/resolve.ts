import { diagnostic, type DiagnosticPath } from '../../diagnostics.ts';
import type { ComponentNode } from '../../dsl/nodes.ts';
import { pathAt, type ComponentDocs, type NamedContext, type PythonProgram, type PythonResolution } from '../context.ts';
import { checkSignature } from './check-signature.ts';
import { customArtifactImports } from './custom-imports.ts';
import { docstringDescriptions, extractFunctionSource, parseSignature } from '../../python/index.ts';
import { resolveEmbedded } from './resolve-embedded.ts';

interface Resolved {
  readonly program: PythonProgram;
  readonly docs: ComponentDocs;
}

/**
 * Reads each Python component's function out of its source and checks it against the
 * declaration, and archives what components embed. Tasks of one component share the result (a
 * 3,000-task pipeline calls one component 3,000 times), so a mismatch is reported once, at the
 * first task that uses it.
 */
export function resolvePython(ctx: NamedContext): PythonResolution {
  const programs = new Map<string, PythonProgram>();
  const docs = new Map<string, ComponentDocs>();
  const byComponent = new Map<object, Resolved | undefined>();
  for (const t of ctx.naming.tasks) {
    const component = t.node.component;
    if (component.implementation.kind !== 'python') continue;
    let resolved: Resolved | undefined;
    if (byComponent.has(component)) resolved = byComponent.get(component);
    else {
      resolved = resolveOne(ctx, component, pathAt(ctx.naming, t, 'component', component.implementation.functionName));
      byComponent.set(component, resolved);
    }
    if (!resolved) continue;
    programs.set(t.node.id, resolved.program);
    // kfp takes input/output descriptions from the function's docstring.
    docs.set(t.node.id, resolved.docs);
  }
  return Object.freeze({ programs, docs, embeddedHelpers: resolveEmbedded(ctx) });
}

function resolveOne(ctx: NamedContext, component: ComponentNode, where: DiagnosticPath): Resolved | undefined {
  const impl = component.implementation;
  if (impl.kind !== 'python') return undefined;
  const file = impl.source.kind === 'file' ? impl.source.path : undefined;
  const module = impl.source.kind === 'inline' ? impl.source.code : ctx.options.sources?.get(impl.source.path);
  if (module === undefined) {
    ctx.report(diagnostic('python/source-missing', where, `the Python source file ${file} was not read; check that it exists`, file));
    return undefined;
  }
  const fn = extractFunctionSource(module, impl.functionName);
  if (!fn) {
    ctx.report(diagnostic('python/function-missing', where, `no top-level 'def ${impl.functionName}(...)' in ${file ?? 'the inline source'}`, file));
    return undefined;
  }
  const sig = parseSignature(fn.text);
  if (!sig) {
    ctx.report(diagnostic('python/signature-unreadable', where, `could not read the signature of '${impl.functionName}' (line ${fn.line})`, file));
    return undefined;
  }
  checkSignature(component, sig, where, file, module, ctx.report);
  const imports = customArtifactImports(component, sig, where, file, ctx.report);
  return { program: { text: fn.text, imports }, docs: docstringDescriptions(sig.docstring) };
}
