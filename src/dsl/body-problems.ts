import { describe } from './value-guards.ts';
import { DiagnosticError } from '../diagnostics.ts';
import type { BuildProblem } from './nodes.ts';

/**
 * What a pipeline body threw, as build problems: a wrong value a builder refused (`dsl/…`), or a
 * DiagnosticError of the user's own helpers, keeps its codes and paths; anything else the user's code
 * threw is `dsl/body-threw`. The stack goes along for the CLI to find the user's line; reading
 * the thrown value runs none of its code beyond an Error's own message and stack.
 */
export function bodyProblems(err: unknown): BuildProblem[] {
  const path: readonly string[] = [];
  try {
    return readThrown(err, path);
  } catch {
    // A Proxy or an Error with a throwing getter: nothing of it can be read.
    return [{ code: 'dsl/body-threw', path, message: 'the pipeline body threw a value that cannot be read (its own code threw when kfp-ts looked at it)' }];
  }
}

function readThrown(err: unknown, path: readonly string[]): BuildProblem[] {
  const stack = err instanceof Error && typeof err.stack === 'string' ? { stack: err.stack } : {};
  if (err instanceof DiagnosticError && err.diagnostics.length > 0) return err.diagnostics.map((d) => ({ code: d.code, path: d.path, message: d.message, ...stack }));
  return [{ code: 'dsl/body-threw', path, message: `the pipeline body threw: ${thrownText(err)}`, ...stack }];
}

/** An Error's first message line, or a description of anything else thrown (never its toString). */
export function thrownText(err: unknown): string {
  if (err instanceof Error) {
    const message = typeof err.message === 'string' ? err.message : '';
    return message.split('\n')[0]!.slice(0, 500) || err.name;
  }
  return typeof err === 'string' ? err.slice(0, 500) : describe(err);
}
