import type { CompileOptions } from '../options.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import type { Structure } from '../structure.ts';
import { checkSignature } from './check-signature.ts';
import { customArtifactImports } from './custom-imports.ts';
import { docstringDescriptions } from './docstring.ts';
import { extractFunctionSource } from './function-source.ts';
import { parseSignature } from './signature.ts';

/** What a Python component's program embeds: the function, and imports for custom artifact classes. */
export interface PythonProgram {
  readonly text: string;
  readonly imports: readonly string[];
}

type TaskComponent = Structure['tasks'][number]['node']['component'];

interface Resolved {
  readonly program: PythonProgram;
  readonly docs: ReturnType<typeof docstringDescriptions>;
}

/**
 * Reads each Python component's function out of its source and checks it against the
 * declaration. Tasks of one component share the result (a 3,000-task pipeline calls one
 * component 3,000 times), so a mismatch is reported once, at the first task that uses it.
 */
export function resolvePython(
  s: Structure,
  options: CompileOptions,
  ds: Diagnostic[],
  docs: Map<string, ReturnType<typeof docstringDescriptions>>,
): Map<string, PythonProgram> {
  const texts = new Map<string, PythonProgram>();
  const byComponent = new Map<object, Resolved | undefined>();
  for (const t of s.tasks) {
    const component = t.node.component;
    if (component.implementation.kind !== 'python') continue;
    let resolved: Resolved | undefined;
    if (byComponent.has(component)) resolved = byComponent.get(component);
    else {
      resolved = resolveOne(component, `pipeline/${t.name}/component/${component.implementation.functionName}`, options, ds);
      byComponent.set(component, resolved);
    }
    if (!resolved) continue;
    texts.set(t.node.id, resolved.program);
    // kfp takes input/output descriptions from the function's docstring.
    docs.set(t.node.id, resolved.docs);
  }
  return texts;
}

function resolveOne(component: TaskComponent, where: string, options: CompileOptions, ds: Diagnostic[]): Resolved | undefined {
  const impl = component.implementation;
  if (impl.kind !== 'python') return undefined;
  const file = impl.source.kind === 'file' ? impl.source.path : undefined;
  const module = impl.source.kind === 'inline' ? impl.source.code : options.sources?.get(impl.source.path);
  if (module === undefined) {
    ds.push(diagnostic('python/source-missing', where, `the Python source file ${file} was not read; check that it exists`, file));
    return undefined;
  }
  const fn = extractFunctionSource(module, impl.functionName);
  if (!fn) {
    ds.push(diagnostic('python/function-missing', where, `no top-level 'def ${impl.functionName}(...)' in ${file ?? 'the inline source'}`, file));
    return undefined;
  }
  const sig = parseSignature(fn.text);
  if (!sig) {
    ds.push(diagnostic('python/signature-unreadable', where, `could not read the signature of '${impl.functionName}' (line ${fn.line})`, file));
    return undefined;
  }
  ds.push(...checkSignature(component, sig, where, file, module));
  const custom = customArtifactImports(component, sig, where, file);
  ds.push(...custom.diagnostics);
  return { program: { text: fn.text, imports: custom.imports }, docs: docstringDescriptions(sig.docstring) };
}
