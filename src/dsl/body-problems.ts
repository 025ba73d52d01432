import { describe } from './value-guards.ts';
import type { BuildProblem } from './pipeline-node.ts';

/**
 * What a pipeline body threw, as build problems: a wrong value a builder refused (`dsl/…`) keeps
 * its code and message; anything else the user's code
 * threw is `dsl/body-threw`. The stack goes along for the CLI to find the user's line; reading
 * the thrown value runs none of its code beyond an Error's own message and stack.
 */
export function bodyProblems(err: unknown, path: string): BuildProblem[] {
  try {
    return readThrown(err, path);
  } catch {
    // A Proxy or an Error with a throwing getter: nothing of it can be read.
    return [{ code: 'dsl/body-threw', path, message: 'the pipeline body threw a value that cannot be read (its own code threw when kfp-ts looked at it)' }];
  }
}

function readThrown(err: unknown, path: string): BuildProblem[] {
  const stack = err instanceof Error && typeof err.stack === 'string' ? { stack: err.stack } : {};
  const listed = err instanceof Error ? (err as { diagnostics?: unknown }).diagnostics : undefined;
  if (Array.isArray(listed) && listed.length > 0 && listed.every((d) => isDiagnosticLike(d) && d.code.startsWith('dsl/')))
    return (listed as { code: string; path: string; message: string }[]).map((d) => ({ code: d.code, path: d.path || path, message: d.message, ...stack }));
  return [{ code: 'dsl/body-threw', path, message: `the pipeline body threw: ${thrownText(err)}`, ...stack }];
}

function isDiagnosticLike(d: unknown): d is { code: string; path: string; message: string } {
  return typeof d === 'object' && d !== null && typeof (d as { code?: unknown }).code === 'string' && typeof (d as { message?: unknown }).message === 'string' && typeof (d as { path?: unknown }).path === 'string';
}

/** An Error's first message line, or a description of anything else thrown (never its toString). */
export function thrownText(err: unknown): string {
  if (err instanceof Error) {
    const message = typeof err.message === 'string' ? err.message : '';
    return message.split('\n')[0]!.slice(0, 500) || err.name;
  }
  return typeof err === 'string' ? err.slice(0, 500) : describe(err);
}
