import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { PipelinePackage } from '../client/pipeline-file.ts';

/** The parameter flags of the commands that start runs (run, recurring-runs create). */
export interface ParameterFlags {
  readonly param?: readonly string[];
  readonly paramsFile?: string;
}

/** A --param not written name=value: checked with the other flags, before the pipeline is read. */
export async function paramSyntaxProblems(flags: ParameterFlags): Promise<Diagnostic[]> {
  const { splitParamArg } = await import('../client/parameters.ts');
  return (flags.param ?? []).filter((arg) => splitParamArg(arg) === undefined).map((arg) => diagnostic('run/param-syntax', `--param ${arg}`, 'Write parameters as --param name=value.'));
}

export type Checked<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** --params-file, then each --param over it; everything checked against the pipeline's root inputs. */
export async function collectParameters(pkg: Pick<PipelinePackage, 'rootParameters'>, flags: ParameterFlags, file: string): Promise<Checked<Record<string, unknown>>> {
  const { checkRuntimeParameters, coerceParamString, splitParamArg } = await import('../client/parameters.ts');
  const { isRecord } = await import('../client/pipeline-file.ts');
  const diags: Diagnostic[] = [];
  const values: Record<string, unknown> = {};
  if (flags.paramsFile !== undefined) {
    let text: string | undefined;
    try {
      text = await readFile(flags.paramsFile, 'utf8');
    } catch (err) {
      diags.push(diagnostic('run/params-file', '--params-file', `Cannot read ${flags.paramsFile}: ${(err as NodeJS.ErrnoException).code ?? 'read error'}.`, flags.paramsFile));
    }
    if (text !== undefined) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!isRecord(parsed)) diags.push(diagnostic('run/params-file', '--params-file', 'The params file must hold a JSON object: {"name": value, ...}.', flags.paramsFile));
        else Object.assign(values, parsed);
      } catch (err) {
        diags.push(diagnostic('run/params-file', '--params-file', `Not valid JSON: ${(err as Error).message}`, flags.paramsFile));
      }
    }
  }
  diags.push(...(await paramSyntaxProblems(flags)));
  for (const arg of flags.param ?? []) {
    const kv = splitParamArg(arg);
    if (kv !== undefined) values[kv.name] = coerceParamString(kv.value, pkg.rootParameters[kv.name]);
  }
  if (diags.length > 0) return { ok: false, diagnostics: diags };
  const checked = checkRuntimeParameters(pkg.rootParameters, values, file);
  const errors = checked.filter((d) => d.severity !== 'warning');
  if (errors.length > 0) return { ok: false, diagnostics: checked };
  return { ok: true, value: values, diagnostics: checked };
}

