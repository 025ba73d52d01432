import type { InterfaceNode, IoSpec } from './component-node.ts';

/**
 * Checks a loaded component's interface against the declarations that type it (`inputs` /
 * `outputs` given to a loader, or written by `kfp-ts codegen`): the same names, each of the same
 * kind and type, inputs equally optional, declared defaults equal to the loaded ones. Descriptions
 * are not compared. The loaded interface stays the one compiled; the declarations only type it.
 */
export interface InterfaceProblem {
  readonly path: string;
  readonly message: string;
}

/** Equality of JSON values, key order aside. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function describe(spec: IoSpec): string {
  if (spec.kind === 'invalid') return 'an invalid declaration';
  if (spec.kind === 'artifact') return `${spec.isList ? 'a list of ' : 'an '}artifact (${spec.artifactType.schemaTitle})`;
  return `a ${spec.parameterType} parameter`;
}

function compareSpec(loaded: IoSpec, declared: IoSpec, isInput: boolean, path: string, out: InterfaceProblem[]): void {
  if (declared.kind === 'invalid') {
    out.push({ path, message: declared.message });
    return;
  }
  if (loaded.kind === 'invalid') return;
  const sameType =
    loaded.kind === 'artifact' && declared.kind === 'artifact'
      ? loaded.artifactType.schemaTitle === declared.artifactType.schemaTitle && loaded.isList === declared.isList
      : loaded.kind === 'parameter' && declared.kind === 'parameter' && loaded.parameterType === declared.parameterType;
  if (!sameType) {
    out.push({ path, message: `declared as ${describe(declared)}, but the component has ${describe(loaded)}` });
    return;
  }
  if (!isInput) return;
  if (loaded.optional !== declared.optional) {
    out.push({ path, message: loaded.optional ? 'optional in the component, but declared as required' : 'required in the component, but declared as optional' });
    return;
  }
  if (loaded.kind === 'parameter' && declared.kind === 'parameter' && declared.defaultValue !== undefined && !jsonEqual(loaded.defaultValue, declared.defaultValue))
    out.push({ path, message: `declared with the default ${JSON.stringify(declared.defaultValue)}, but the component's default is ${loaded.defaultValue === undefined ? 'none' : JSON.stringify(loaded.defaultValue)}` });
}

function compareGroup(loaded: Readonly<Record<string, IoSpec>>, declared: Readonly<Record<string, IoSpec>>, isInput: boolean, out: InterfaceProblem[]): void {
  const group = isInput ? 'inputs' : 'outputs';
  const has = Object.keys(loaded);
  for (const [name, spec] of Object.entries(declared)) {
    const actual = loaded[name];
    if (actual === undefined) out.push({ path: `${group}/${name}`, message: `declared, but the component has no ${isInput ? 'input' : 'output'} '${name}' (it has: ${has.join(', ') || 'none'})` });
    else compareSpec(actual, spec, isInput, `${group}/${name}`, out);
  }
  for (const name of has)
    if (!(name in declared)) out.push({ path: `${group}/${name}`, message: `the component has this ${isInput ? 'input' : 'output'}, but the declarations leave it out` });
}

/** Every difference between what the component has and what its declarations say. */
export function interfaceProblems(loaded: InterfaceNode, declared: InterfaceNode): InterfaceProblem[] {
  const out: InterfaceProblem[] = [];
  compareGroup(loaded.inputs, declared.inputs, true, out);
  compareGroup(loaded.outputs, declared.outputs, false, out);
  return out;
}
