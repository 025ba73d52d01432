type Json = Record<string, unknown>;

const COMMENT_TYPE: Record<string, string> = {
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
function pyStr(v: unknown, top = true): string {
  if (typeof v === 'string') return top ? `'${v}'` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return `[${v.map((x) => pyStr(x, false)).join(', ')}]`;
  return `{${Object.entries(v as Json).map(([k, x]) => `'${k}': ${pyStr(x, false)}`).join(', ')}}`;
}

function signature(defs: Json | undefined, heading: string): string[] {
  if (!defs) return [];
  const rows: { name: string; text: string }[] = [];
  for (const [name, body] of Object.entries((defs.parameters ?? {}) as Record<string, Json>)) {
    let text = `#    ${name}: ${COMMENT_TYPE[body.parameterType as string] ?? String(body.parameterType)}`;
    if ('defaultValue' in body) text += ` [Default: ${pyStr(body.defaultValue)}]`;
    rows.push({ name, text });
  }
  for (const [name, body] of Object.entries((defs.artifacts ?? {}) as Record<string, Json>))
    rows.push({ name, text: `#    ${name}: ${(body.artifactType as Json).schemaTitle as string}` });
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [heading, ...rows.map((r) => r.text)];
}

/** kfp's comment block at the top of a compiled file, so outputs diff cleanly against kfp's. */
export function headerComment(spec: Json, description?: string): string {
  const info = spec.pipelineInfo as Json;
  const root = spec.root as Json;
  const lines = ['# PIPELINE DEFINITION', `# Name: ${info.name as string}`];
  const text = description ?? info.description;
  if (typeof text === 'string' && text) lines.push(`# Description: ${text.split(/\r?\n/).join('\n#              ')}`);
  lines.push(...signature(root.inputDefinitions as Json | undefined, '# Inputs:'));
  lines.push(...signature(root.outputDefinitions as Json | undefined, '# Outputs:'));
  return lines.join('\n') + '\n';
}
