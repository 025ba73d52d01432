/**
 * The options of the component builders, checked where plain JavaScript passes them (see
 * value-guards.ts): a wrong one would otherwise reach the compiled file as it is (`image: 42`) or
 * fail later as a TypeError inside the compiler.
 */
import { checkDecls } from './call-guards.ts';
import { isMadeByKfpTs } from './made-by-kfp-ts.ts';
import { describe, optionsObject, requireFunction, requireOptionalBoolean, requireOptionalString, wrongValue } from './value-guards.ts';

const PYTHON_KEYS = [
  'name',
  'source',
  'inputs',
  'outputs',
  'baseImage',
  'packagesToInstall',
  'pipIndexUrls',
  'pipTrustedHosts',
  'installKfpPackage',
  'kfpVersion',
  'kfpPackagePath',
  'targetImage',
  'useVenv',
  'embeddedArtifact',
  'embeddedInputs',
];

function requireName(call: string, name: unknown): string {
  if (typeof name !== 'string' || name === '') wrongValue('wrong-value', call, `${call}() needs a name (a non-empty string); got ${describe(name)}`);
  return name;
}

function requireOptionalStrings(v: unknown, where: string, what: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) wrongValue('wrong-value', where, `${what} must be a list of strings; got ${describe(v)}`);
}

function requireLocation(v: unknown, where: string, what: string, optional: boolean): void {
  if ((v === undefined && optional) || typeof v === 'string' || v instanceof URL) return;
  wrongValue('wrong-value', where, `${what} must be a URL (new URL('./file', import.meta.url)) or a path; got ${describe(v)}`);
}

/** pythonComponent()'s options (and notebookComponent()'s, with `notebook`), copied. */
export function checkPythonComponentOptions(options: unknown, call: 'pythonComponent' | 'notebookComponent'): Readonly<Record<string, unknown>> {
  const keys = call === 'notebookComponent' ? [...PYTHON_KEYS.filter((k) => k !== 'targetImage' && k !== 'embeddedArtifact'), 'notebook'] : PYTHON_KEYS;
  const fields = optionsObject(options, keys, call, `${call}()'s options`, false);
  const name = requireName(call, fields.name);
  const where = `component ${name}`;
  const what = (key: string) => `${call}() '${name}': ${key}`;
  {
    const source = fields.source;
    const code = typeof source === 'object' && source !== null && !(source instanceof URL) ? optionsObject(source, ['code'], where, what('source'), false).code : undefined;
    if (code !== undefined ? typeof code !== 'string' : typeof source !== 'string' && !(source instanceof URL))
      wrongValue('wrong-value', where, `${what('source')} must be a URL, a path or { code: '…' }; got ${describe(source)}`);
  }
  if (call === 'notebookComponent') requireLocation(fields.notebook, where, what('notebook'), false);
  for (const key of ['baseImage', 'kfpVersion', 'kfpPackagePath', 'targetImage']) requireOptionalString(fields[key], where, what(key));
  for (const key of ['packagesToInstall', 'pipIndexUrls', 'pipTrustedHosts']) requireOptionalStrings(fields[key], where, what(key));
  for (const key of ['installKfpPackage', 'useVenv']) requireOptionalBoolean(fields[key], where, what(key));
  requireLocation(fields.embeddedArtifact, where, what('embeddedArtifact'), true);
  if (fields.embeddedInputs !== undefined) optionsObject(fields.embeddedInputs, 'any', where, what('embeddedInputs'), false);
  const inputs = fields.inputs === undefined ? undefined : checkDecls(fields.inputs, where, what('inputs'));
  const outputs = fields.outputs === undefined ? undefined : checkDecls(fields.outputs, where, what('outputs'));
  return Object.freeze({ ...fields, ...(inputs ? { inputs } : {}), ...(outputs ? { outputs } : {}) });
}

/** containerComponent()'s options, copied. */
export function checkContainerComponentOptions(options: unknown): Readonly<Record<string, unknown>> {
  const fields = optionsObject(options, ['name', 'inputs', 'outputs', 'implementation'], 'containerComponent', "containerComponent()'s options", false);
  const name = requireName('containerComponent', fields.name);
  const where = `component ${name}`;
  requireFunction(fields.implementation, where, `containerComponent() '${name}': implementation`);
  const inputs = fields.inputs === undefined ? undefined : checkDecls(fields.inputs, where, `containerComponent() '${name}': inputs`);
  const outputs = fields.outputs === undefined ? undefined : checkDecls(fields.outputs, where, `containerComponent() '${name}': outputs`);
  return Object.freeze({ ...fields, ...(inputs ? { inputs } : {}), ...(outputs ? { outputs } : {}) });
}

const ELEMENT_KINDS = ['placeholder', 'template', 'concat', 'ifPresent'];

/** What a container component's implementation returned: an image and command-line lists. */
export function checkContainerSpec(spec: unknown, name: string): Readonly<Record<string, unknown>> {
  const where = `component ${name}`;
  const what = `containerComponent() '${name}': what implementation returned`;
  const fields = optionsObject(spec, ['image', 'command', 'args'], where, what, false);
  if (typeof fields.image !== 'string' || fields.image === '') wrongValue('wrong-value', where, `${what} needs an image (a string); got ${describe(fields.image)}`);
  for (const key of ['command', 'args']) {
    const list = fields[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) wrongValue('wrong-value', where, `${what}: ${key} must be a list; got ${describe(list)}`);
    list.forEach((element: unknown, i) => {
      if (typeof element === 'string') return;
      if (isMadeByKfpTs(element) && ELEMENT_KINDS.includes((element as { kind: string }).kind)) return;
      wrongValue('wrong-value', where, `${what}: ${key}[${i}] must be a string or a placeholder (inputs.x, outputs.y.path, cmd\`…\`, concat, ifPresent); got ${describe(element)}`);
    });
  }
  return fields;
}
