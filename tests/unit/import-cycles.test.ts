/**
 * No import circles in the DSL, the compiler and the Python analysis: counting every import —
 * runtime, `import type`, re-exports and dynamic `import()` — between the modules of src/, read
 * with TypeScript's own pre-parser. A circle through any module of those folders fails the test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/repo.ts';

const SRC = path.join(REPO, 'src');
/** The folders (under src/) that must take part in no circle. */
const GUARDED = ['compiler', 'dsl', 'python'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Each module's relative imports that are modules of `files`. */
function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(read(file), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.resolve(path.dirname(file), spec))
      .filter((target) => known.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The circles of a graph: its strongly connected components with more than one module, or a self-import (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('import circles', () => {
  it('GIVEN a graph with a circle through a type import WHEN searched THEN the circle is found (the check can fail)', () => {
    const files = ['/m/a.ts', '/m/b.ts', '/m/c.ts', '/m/d.ts'];
    const text: Record<string, string> = {
      '/m/a.ts': "import { b } from './b.ts';",
      '/m/b.ts': "import type { C } from './c.ts';",
      '/m/c.ts': "export type { A } from './a.ts';",
      '/m/d.ts': "const lazy = () => import('./d.ts');",
    };
    expect(circles(importGraph(files, (f) => text[f]!))).toEqual([['/m/a.ts', '/m/b.ts', '/m/c.ts'], ['/m/d.ts']]);
  });

  it(`GIVEN every module of src/ WHEN their imports are followed THEN no circle goes through ${GUARDED.map((g) => `src/${g}`).join(', ')}`, () => {
    const files = sourceFiles(SRC);
    const graph = importGraph(files, (f) => readFileSync(f, 'utf8'));
    expect(graph.size).toBeGreaterThan(100);
    const guarded = circles(graph)
      .filter((c) => c.some((f) => GUARDED.some((g) => f.startsWith(path.join(SRC, g) + path.sep))))
      .map((c) => c.map((f) => path.relative(SRC, f)).join(' → '));
    expect(guarded, 'import circles (break each by moving the shared types to a module both can import)').toEqual([]);
  });
});
