import { isRuntimePlaceholder } from '../dsl/placeholders.ts';

/**
 * An argument with its runtime placeholders (`runtime.workspacePath`, …) written as their text,
 * everywhere but inside string templates (which are strings already): kfp's
 * `dsl.*_PLACEHOLDER` constants are plain strings, checked and passed like any other.
 */
export function withRuntimeText(v: unknown): unknown {
  if (isRuntimePlaceholder(v)) return v.ref.expression;
  if (Array.isArray(v)) return v.map(withRuntimeText);
  if (v && typeof v === 'object') {
    const kind = (v as { kind?: unknown }).kind;
    if (kind === 'stringTemplate' || kind === 'parameterChannel' || kind === 'artifactChannel') return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withRuntimeText(x)]));
  }
  return v;
}
