import { PYTHON_ARTIFACT_CLASS } from '../../dsl/artifacts.ts';
import type { ComponentNode } from '../../dsl/nodes.ts';
import { diagnostic } from '../../diagnostics.ts';
import type { Report } from '../context.ts';
import type { PythonSignature } from '../../python/index.ts';

/** `Input[X]` / `Output[X]` (possibly `dsl.`-qualified) → `X`; anything else (Optional[...]) → undefined. */
function markedInner(annotation: string): string | undefined {
  // Stryker disable next-line MethodExpression: python/signature.ts already gives annotations trimmed
  const m = /^(?:(?:kfp\.)?dsl\.)?(?:Input|Output)\s*\[([\s\S]*)\]$/.exec(annotation.trim());
  return m ? m[1]!.trim() : undefined;
}

/**
 * The import lines kfp adds to a lightweight component's program for custom artifact classes
 * (`from bq_types import BQTable`), in parameter order. kfp imports the class's module path up to
 * the symbol the annotation starts with, so `Input[bq_types.BQTable]` gives `import bq_types`.
 * Only `Input[...]`/`Output[...]` annotations count: kfp does not look inside `Optional[...]`, and
 * refuses `Input[List[Custom]]` (its first symbol, `List`, is not part of the class's path).
 */
export function customArtifactImports(
  component: ComponentNode,
  sig: PythonSignature,
  where: readonly string[],
  file: string | undefined,
  report: Report,
): string[] {
  const imports: string[] = [];
  for (const p of sig.params) {
    const spec = component.interface.inputs[p.name] ?? component.interface.outputs[p.name];
    if (!spec || spec.kind !== 'artifact' || !p.annotation) continue;
    const type = spec.artifactType;
    if (type.schemaTitle in PYTHON_ARTIFACT_CLASS) continue;
    const inner = markedInner(p.annotation);
    if (inner === undefined) continue;
    if (!type.pythonClass) {
      report(
        diagnostic(
          'python/custom-artifact-class',
          [...where, p.name],
          `'${p.name}' has the custom artifact type ${type.schemaTitle}; kfp imports its Python class into the component program, so declare where it lives: artifactType('${type.schemaTitle}', '${type.schemaVersion}', { pythonClass: 'module.ClassName' })`,
          file,
        ),
      );
      continue;
    }
    const base = /^[A-Za-z_]\w*/.exec(inner)?.[0] ?? '';
    const path = type.pythonClass.split('.');
    const idx = path.indexOf(base);
    if (idx < 0) {
      report(
        diagnostic(
          'python/custom-artifact-import',
          [...where, p.name],
          `kfp cannot import the class for '${p.annotation}': its first symbol '${base}' is not part of '${type.pythonClass}'; annotate with the class name (Input[${path[path.length - 1]}]) or its module (Input[${type.pythonClass}])`,
          file,
        ),
      );
      continue;
    }
    const symbol = path.slice(0, idx + 1);
    const line = symbol.length > 1 ? `from ${symbol.slice(0, -1).join('.')} import ${symbol[symbol.length - 1]}` : `import ${symbol[0]}`;
    if (!imports.includes(line)) imports.push(line);
  }
  return imports;
}
