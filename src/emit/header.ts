import type { ComponentInputsSpec, ComponentOutputsSpec, JsonValue, ParameterType, PipelineSpec } from '../ir/index.ts';

/** What the header shows of a parameter, of an input (with its default) or an output. */
type SignatureParameter = { readonly parameterType?: ParameterType; readonly defaultValue?: JsonValue };

const COMMENT_TYPE: { readonly [type in ParameterType]?: string } = {
  STRING: 'str',
  NUMBER_INTEGER: 'int',
  NUMBER_DOUBLE: 'float',
  LIST: 'list',
  STRUCT: 'dict',
  BOOLEAN: 'bool',
  TASK_FINAL_STATUS: 'PipelineTaskFinalStatus',
  TASK_CONFIG: 'TaskConfig',
};

/** Python's `str()` of a default value, as kfp prints it in the header (the IR holds numbers as doubles). */
function pyStr(v: JsonValue, top = true): string {
  if (typeof v === 'string') return top ? `'${v}'` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return `[${v.map((x: JsonValue) => pyStr(x, false)).join(', ')}]`;
  return `{${Object.entries(v).flatMap(([k, x]) => (x === undefined ? [] : [`'${k}': ${pyStr(x, false)}`])).join(', ')}}`;
}

function signature(defs: ComponentInputsSpec | ComponentOutputsSpec | undefined, heading: string): string[] {
  if (!defs) return [];
  const rows: { name: string; text: string }[] = [];
  const parameters: { readonly [name: string]: SignatureParameter } = defs.parameters ?? {};
  for (const [name, body] of Object.entries(parameters)) {
    const type = body.parameterType;
    let text = `#    ${name}: ${(type !== undefined ? COMMENT_TYPE[type] : undefined) ?? String(type)}`;
    // A key holding `undefined` is absent from the YAML, so from the header too.
    if (body.defaultValue !== undefined) text += ` [Default: ${pyStr(body.defaultValue)}]`;
    rows.push({ name, text });
  }
  for (const [name, body] of Object.entries(defs.artifacts ?? {})) rows.push({ name, text: `#    ${name}: ${body.artifactType?.schemaTitle}` });
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [heading, ...rows.map((r) => r.text)];
}

/** kfp's comment block at the top of a compiled file, so outputs diff cleanly against kfp's. */
export function headerComment(spec: PipelineSpec, description?: string): string {
  const lines = ['# PIPELINE DEFINITION', `# Name: ${spec.pipelineInfo?.name}`];
  const text = description ?? spec.pipelineInfo?.description;
  if (typeof text === 'string' && text) lines.push(`# Description: ${text.split(/\r?\n/).join('\n#              ')}`);
  lines.push(...signature(spec.root?.inputDefinitions, '# Inputs:'));
  lines.push(...signature(spec.root?.outputDefinitions, '# Outputs:'));
  return lines.join('\n') + '\n';
}
