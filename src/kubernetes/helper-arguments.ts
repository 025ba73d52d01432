/**
 * The arguments of the kfp-kubernetes helpers, checked where plain JavaScript passes them: the
 * task must be one kfp-ts made, and each option the type the helper's declaration says. A wrong
 * option would otherwise be written into the executor config as it is (`labelKey: 42` as the
 * label "42") or dropped (`undefined`).
 */
import { isMadeByKfpTs } from '../dsl/made-by-kfp-ts.ts';
import { describe, optionsObject, requireMade } from '../dsl/value-guards.ts';
import { DiagnosticError, diagnostic } from '../diagnostics.ts';

/**
 * One option's type: a string (`string`), a string or a parameter (`parameter`), `boolean`, a
 * whole number (`whole`), a record of strings (`strings`), a list of strings (`list`), or
 * `checked` (the helper checks it itself). A trailing `?` makes it optional.
 */
export type OptionType = 'string' | 'parameter' | 'boolean' | 'whole' | 'strings' | 'list' | 'checked';
export type OptionSpec = Readonly<Record<string, OptionType | `${OptionType}?`>>;

function fits(type: OptionType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'parameter':
      return typeof v === 'string' || (isMadeByKfpTs(v) && (v as { kind: string }).kind === 'parameterChannel');
    case 'boolean':
      return typeof v === 'boolean';
    case 'whole':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0;
    case 'strings':
      return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(optionsObject(v, 'any', '', '', false)).every((x) => typeof x === 'string');
    case 'list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'checked':
      return true;
  }
}

const WORDS: Readonly<Record<OptionType, string>> = {
  string: 'a string',
  parameter: 'a string or a pipeline parameter',
  boolean: 'true or false',
  whole: 'a whole number >= 0',
  strings: 'an object of strings',
  list: 'a list of strings',
  checked: 'a value',
};

/** Checks `task` and `options` of helper `helper`; returns the options, copied. */
export function checkHelperArguments(helper: string, task: unknown, options: unknown, spec: OptionSpec, optional = false): Readonly<Record<string, unknown>> {
  requireMade(task, ['taskHandle'], `kubernetes/${helper}`, `${helper}()'s first argument`, 'a task (what s.task returns)');
  let fields: Readonly<Record<string, unknown>>;
  try {
    fields = optionsObject(options, Object.keys(spec), `kubernetes/${helper}`, `${helper}()'s options`, optional);
  } catch (err) {
    const d = (err as { diagnostics?: readonly { message: string }[] }).diagnostics?.[0];
    if (d) throw argumentError(helper, d.message);
    throw err;
  }
  for (const [key, typeText] of Object.entries(spec)) {
    const type = typeText.replace(/\?$/, '') as OptionType;
    const value = fields[key];
    if (value === undefined && typeText.endsWith('?')) continue;
    if (!fits(type, value)) throw argumentError(`${helper}/${key}`, `${helper}(): ${key} must be ${WORDS[type]}; got ${describe(value)}`);
  }
  return fields;
}

/** A helper's wrong argument, refused at the call (the compiler checks the values of right-typed ones). */
function argumentError(path: string, message: string): DiagnosticError {
  return new DiagnosticError([diagnostic('kubernetes/invalid-argument', ['kubernetes', ...path.split('/')], message)]);
}
