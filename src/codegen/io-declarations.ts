import { PYTHON_ARTIFACT_CLASS, type ArtifactType } from '../dsl/artifacts.ts';
import type { InterfaceNode, IoSpec } from '../dsl/component-node.ts';
import type { ParameterSpec, ParameterType } from '../dsl/parameter-types.ts';
import { valueFitsParameterType } from '../dsl/parameter-values.ts';
import type { ModuleImport } from './module-model.ts';
import { tsLiteral, tsString } from './ts-literals.ts';

/**
 * The declarations of an interface as kfp-ts source text: zod schemas for parameters,
 * `input(...)`/`output(...)` for artifacts, the names they need from kfp-ts collected as they go.
 */

/** The zod expression a generated declaration writes for each parameter type. */
export const PARAMETER_SCHEMA_TEXT: Readonly<Record<Exclude<ParameterType, 'TASK_FINAL_STATUS'>, string>> = {
  STRING: 'z.string()',
  NUMBER_INTEGER: 'z.int()',
  NUMBER_DOUBLE: 'z.number()',
  BOOLEAN: 'z.boolean()',
  LIST: 'z.array(z.unknown())',
  STRUCT: 'z.record(z.string(), z.unknown())',
};

export interface Declaration {
  readonly name: string;
  readonly expression: string;
  /** Doc text: the input's description, and notes where the declaration cannot say everything. */
  readonly docs?: string;
}

/** The names a module needs: from kfp-ts, and whether it uses zod (imported as `* as z`, as the README advises). */
export class KfpTsImports {
  readonly names = new Set<string>();
  zod = false;
  use(name: string): string {
    if (name === 'z') this.zod = true;
    else this.names.add(name);
    return name;
  }
}

function artifactTypeText(type: ArtifactType, imports: KfpTsImports): string {
  const named = PYTHON_ARTIFACT_CLASS[type.schemaTitle];
  if (named && type.schemaVersion === '0.0.1' && type.pythonClass === undefined) return imports.use(named);
  const args = [tsString(type.schemaTitle)];
  if (type.schemaVersion !== '0.0.1' || type.pythonClass !== undefined) args.push(tsString(type.schemaVersion));
  if (type.pythonClass !== undefined) args.push(`{ pythonClass: ${tsString(type.pythonClass)} }`);
  return `${imports.use('artifactType')}(${args.join(', ')})`;
}

function parameterText(spec: ParameterSpec, imports: KfpTsImports, isInput: boolean): { expression: string; note?: string } {
  if (spec.parameterType === 'TASK_FINAL_STATUS') return { expression: imports.use('PipelineTaskFinalStatus') };
  imports.use('z');
  let expression = PARAMETER_SCHEMA_TEXT[spec.parameterType];
  if (!isInput || !spec.optional) return { expression };
  const value = spec.defaultValue;
  if (value !== undefined && valueFitsParameterType(value, spec.parameterType)) return { expression: `${expression}.default(${tsLiteral(value)})` };
  expression += '.optional()';
  // kfp keeps a v1 default that its cast cannot turn into the type (JSON text that is not JSON).
  return value === undefined ? { expression } : { expression, note: `The component's default, ${JSON.stringify(value)}, is not a ${spec.parameterType}; it stays in the compiled IR.` };
}

function specText(spec: IoSpec, imports: KfpTsImports, isInput: boolean): { expression: string; note?: string } {
  if (spec.kind === 'parameter') return parameterText(spec, imports, isInput);
  if (spec.kind === 'invalid') throw new Error(spec.message);
  const options: string[] = [];
  if (spec.isList) options.push('list: true');
  if (isInput && spec.optional) options.push('optional: true');
  const fn = imports.use(isInput ? 'input' : 'output');
  return { expression: `${fn}(${artifactTypeText(spec.artifactType, imports)}${options.length ? `, { ${options.join(', ')} }` : ''})` };
}

/** The inputs and outputs of an interface, in its order, with their descriptions. */
export function interfaceDeclarations(
  iface: InterfaceNode,
  imports: KfpTsImports,
  descriptions: { readonly inputs?: ReadonlyMap<string, string>; readonly outputs?: ReadonlyMap<string, string> } = {},
): { readonly inputs: readonly Declaration[]; readonly outputs: readonly Declaration[] } {
  const group = (specs: Readonly<Record<string, IoSpec>>, isInput: boolean, docs: ReadonlyMap<string, string> | undefined): Declaration[] =>
    Object.entries(specs).map(([name, spec]) => {
      const { expression, note } = specText(spec, imports, isInput);
      const text = [docs?.get(name), note].filter((t): t is string => t !== undefined && t.trim() !== '').join('\n\n');
      return { name, expression, ...(text ? { docs: text } : {}) };
    });
  return { inputs: group(iface.inputs, true, descriptions.inputs), outputs: group(iface.outputs, false, descriptions.outputs) };
}

/** The import declarations for what a module used: zod as a namespace, then kfp-ts by name. */
export function moduleImports(imports: KfpTsImports, kfpTs: string): ModuleImport[] {
  return [...(imports.zod ? [{ from: 'zod', names: [], namespace: 'z' }] : []), { from: kfpTs, names: [...imports.names] }];
}
