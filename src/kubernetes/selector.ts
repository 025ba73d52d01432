/** Kubernetes selector requirements, as kfp-kubernetes' affinity helpers check and write them. */
import type { DiagnosticError } from '../diagnostics.ts';
import { argumentError, withoutDefaults, type Json } from './common.ts';

/** The operators of a node selector requirement. */
export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
/** The operators of a label selector requirement. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement of a node or label selector: key, operator, values. */
export interface SelectorRequirement<Op extends string = NodeSelectorOperator> {
  readonly key: string;
  readonly operator: Op;
  readonly values?: readonly string[];
}

/** Checks each requirement as kfp does (a key, an operator from `valid`) and writes SelectorRequirement JSON. */
export function selectorRequirements(
  requirements: readonly SelectorRequirement<string>[] | undefined,
  path: string,
  kind: string,
  valid: readonly string[],
): Json[] {
  return (requirements ?? []).map((r, i) => {
    let problem: DiagnosticError | undefined;
    if (!r.key) problem = argumentError(`${path}/${i}/key`, `each ${kind} needs a non-empty key`);
    else if (!r.operator) problem = argumentError(`${path}/${i}/operator`, `the ${kind} for key '${r.key}' needs an operator`);
    else if (!valid.includes(r.operator))
      problem = argumentError(`${path}/${i}/operator`, `invalid operator '${r.operator}' for key '${r.key}' in ${kind}: use one of ${[...valid].sort().join(', ')}`);
    if (problem) throw problem;
    return withoutDefaults({ key: r.key, operator: r.operator, values: [...(r.values ?? [])] });
  });
}

/** A preferred-scheduling weight: Kubernetes accepts 1 to 100. */
export function checkWeight(weight: number | undefined, path: string): void {
  if (weight !== undefined && !(Number.isInteger(weight) && weight >= 1 && weight <= 100))
    throw argumentError(path, `weight must be a whole number between 1 and 100, got ${weight}`);
}
