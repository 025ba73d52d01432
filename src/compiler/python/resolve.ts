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

/** Reads each Python component's function out of its source and checks it against the declaration. */
export function resolvePython(
  s: Structure,
  options: CompileOptions,
  ds: Diagnostic[],
  docs: Map<string, ReturnType<typeof docstringDescriptions>>,
): Map<string, PythonProgram> {
  const texts = new Map<string, PythonProgram>();
  for (const t of s.tasks) {
    const impl = t.node.component.implementation;
    if (impl.kind !== 'python') continue;
    const where = `pipeline/${t.name}/component/${impl.functionName}`;
    const file = impl.source.kind === 'file' ? impl.source.path : undefined;
    const module = impl.source.kind === 'inline' ? impl.source.code : options.sources?.get(impl.source.path);
    if (module === undefined) {
      ds.push(diagnostic('python/source-missing', where, `the Python source file ${file} was not read; check that it exists`, file));
      continue;
    }
    const fn = extractFunctionSource(module, impl.functionName);
    if (!fn) {
      ds.push(diagnostic('python/function-missing', where, `no top-level 'def ${impl.functionName}(...)' in ${file ?? 'the inline source'}`, file));
      continue;
    }
    const sig = parseSignature(fn.text);
    if (!sig) {
      ds.push(diagnostic('python/signature-unreadable', where, `could not read the signature of '${impl.functionName}' (line ${fn.line})`, file));
      continue;
    }
    ds.push(...checkSignature(t.node.component, sig, where, file));
    const custom = customArtifactImports(t.node.component, sig, where, file);
    ds.push(...custom.diagnostics);
    texts.set(t.node.id, { text: fn.text, imports: custom.imports });
    // kfp takes input/output descriptions from the function's docstring.
    docs.set(t.node.id, docstringDescriptions(sig.docstring));
  }
  return texts;
}
