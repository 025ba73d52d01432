import { diagnostic } from '../diagnostics.ts';
import { argChannels } from './arg-channels.ts';
import type { NamedContext } from './context.ts';

/** Cycles through data and `.after()` edges (possible when a handle is reused across bodies or built by hand). */
export function checkCycles(ctx: NamedContext): void {
  const s = ctx.naming;
  const edges = new Map<string, string[]>();
  for (const t of s.tasks) {
    const ups = new Set<string>(t.node.after);
    for (const arg of Object.values(t.node.args)) {
      const chans = argChannels(arg);
      for (const c of chans) if (c.source.kind === 'taskOutput') ups.add(c.source.taskId);
    }
    edges.set(t.node.id, [...ups]);
  }
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const cycle = [...stack.slice(stack.indexOf(id)), id].map((x) => s.tasksById.get(x)?.name ?? x);
      ctx.report(diagnostic('graph/cycle', [s.pipelineName, cycle[0]!], `tasks depend on each other in a cycle: ${cycle.join(' → ')}; remove one of the .after() calls or data links`));
      return;
    }
    state.set(id, 1);
    stack.push(id);
    for (const u of edges.get(id) ?? []) if (s.tasksById.has(u)) visit(u);
    stack.pop();
    state.set(id, 2);
  };
  for (const t of s.tasks) visit(t.node.id);
}
