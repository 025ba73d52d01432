// Compiling in a program: compileToYaml builds the pipeline, reads its Python files, compiles,
// validates (schema and backend rules) and returns the YAML — or every problem as data. It
// writes nothing; `kfp-ts compile` is the same, plus the file.
import { writeFile } from 'node:fs/promises';
import { DiagnosticError, compileToYaml, formatDiagnostic } from 'kfp-ts';
import quickstart from './quickstart.js';

export async function compileQuickstart(file: string): Promise<void> {
  const { yamlText, diagnostics } = await compileToYaml(quickstart, {
    // Defaults for the pipeline's parameters (kfp-ts compile --pipeline-parameters).
    pipelineParameters: { source: 'gs://my-bucket/2026-12.csv' },
  });
  for (const d of diagnostics) if (d.severity === 'warning') console.warn(formatDiagnostic(d));
  if (yamlText === undefined) throw new DiagnosticError(diagnostics);
  await writeFile(file, yamlText);
}
