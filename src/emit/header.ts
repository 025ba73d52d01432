import type { ComponentInputsSpec, ComponentOutputsSpec, JsonValue, ParameterType, PipelineSpec } from '../ir/index.ts';
import { compareCodePoints } from '../code-point-order.ts';
import { pythonFloatRepr } from './python-float.ts';

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

// What may not stand raw in a comment line. A line break (LF, CR, and to YAML 1.1 readers and
// go-yaml also NEL, U+2028, U+2029) would end the comment and turn the rest of the value into YAML
// that every reader loads (`'x\ndefaultPipelineRoot: s3://…'` as a default gave kfp's loader the
// attacker's pipeline root); PyYAML refuses C0/C1 controls, DEL, U+FFFE/U+FFFF anywhere in a
// file, comments included; Python's splitlines(), which kfp's loader uses to read the description
// back from this header, also breaks at VT, FF and U+001C–U+001E. kfp 2.17.3 writes all of them raw.
const UNSAFE = /[\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
// Python's splitlines() boundaries, which kfp splits a multi-line description at.
const PY_LINE_BOUNDARY = /\r\n|[\n\r\v\f\x1C-\x1E\x85\u2028\u2029]/;
// Characters Python's repr() escapes: str.isprintable() is false for them.
const PY_NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

function pyEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code === 0x09) return '\\t';
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  // Stryker disable next-line EqualityOperator: U+0100 (Ā) is printable and may stand in a comment, so it never gets here
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  // Stryker disable next-line EqualityOperator: U+10000 (Linear B) is printable and may stand in a comment, so it never gets here
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Python's repr() of a str. */
function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (PY_NOT_PRINTABLE.test(ch)) out += pyEscape(ch);
    else out += ch;
  }
  return out + quote;
}

/** Free text (a name, a description line) with the characters a comment cannot hold escaped. */
function commentText(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, pyEscape) : s;
}

const asIs = (s: string): string => s;

/**
 * Python's `str()` of a default value, as kfp prints it in the header (the IR holds numbers as
 * doubles). kfp writes a string default as `'` + value + `'`; one holding a character a comment
 * cannot hold is written as Python's repr() instead (unless `raw`), so nothing leaves the line.
 */
// Stryker disable next-line BooleanLiteral: every call passes top, and raw is read only when top is true, where the call passes raw too
function pyStr(v: JsonValue, top = true, raw = false): string {
  if (typeof v === 'string') return top && (raw || !UNSAFE.test(v)) ? `'${v}'` : pyRepr(v);
  if (typeof v === 'number') return pythonFloatRepr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return `[${v.map((x: JsonValue) => pyStr(x, false)).join(', ')}]`;
  return `{${Object.entries(v).flatMap(([k, x]) => (x === undefined ? [] : [`${pyRepr(k)}: ${pyStr(x, false)}`])).join(', ')}}`;
}

function signature(defs: ComponentInputsSpec | ComponentOutputsSpec | undefined, heading: string, raw: boolean): string[] {
  if (!defs) return [];
  const text = raw ? asIs : commentText;
  const rows: { name: string; text: string }[] = [];
  const parameters: { readonly [name: string]: SignatureParameter } = defs.parameters ?? {};
  for (const [name, body] of Object.entries(parameters)) {
    const type = body.parameterType;
    let line = `#    ${text(name)}: ${text((type !== undefined ? COMMENT_TYPE[type] : undefined) ?? String(type))}`;
    // A key holding `undefined` is absent from the YAML, so from the header too.
    if (body.defaultValue !== undefined) line += ` [Default: ${pyStr(body.defaultValue, true, raw)}]`;
    rows.push({ name, text: line });
  }
  for (const [name, body] of Object.entries(defs.artifacts ?? {})) rows.push({ name, text: `#    ${text(name)}: ${text(String(body.artifactType?.schemaTitle))}` });
  // Stable, as Python's sorted() is: a parameter and an artifact of one name keep their order.
  rows.sort((a, b) => compareCodePoints(a.name, b.name));
  return [heading, ...rows.map((r) => r.text)];
}

/** Python's str.splitlines(): no empty piece after a final line boundary. */
function splitLines(text: string): string[] {
  const lines = text.split(PY_LINE_BOUNDARY);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * kfp's comment block at the top of a compiled file, so outputs diff cleanly against kfp's. Every
 * value in it stays on its comment line (see UNSAFE); otherwise the text is kfp's.
 */
export function headerComment(spec: PipelineSpec, description?: string): string {
  return header(spec, description, false);
}

/**
 * The header exactly as kfp 2.17.3 writes it for `spec`, values raw: a value holding a line break
 * carries the rest of its line out of the comment. The validator compares it with a file's start.
 */
export function kfpHeaderComment(spec: PipelineSpec, description?: string): string {
  return header(spec, description, true);
}

function header(spec: PipelineSpec, description: string | undefined, raw: boolean): string {
  const text = raw ? asIs : commentText;
  const lines = ['# PIPELINE DEFINITION', `# Name: ${text(String(spec.pipelineInfo?.name))}`];
  const about = description ?? spec.pipelineInfo?.description;
  // Stryker disable next-line ConditionalExpression: about is a string or undefined (the typed spec; readIr drops a description that is not a string), so the truthiness test decides alone
  if (typeof about === 'string' && about) lines.push(`# Description: ${splitLines(about).map(text).join('\n#              ')}`);
  lines.push(...signature(spec.root?.inputDefinitions, '# Inputs:', raw));
  lines.push(...signature(spec.root?.outputDefinitions, '# Outputs:', raw));
  return lines.join('\n') + '\n';
}
