/**
 * What the ports comparison leaves aside, on both sides alike: `sdkVersion`, the kfp version in
 * pip lines (`kfp==2.x.y`), and the embedded program of a lightweight Python component (the last
 * element of its executor's `command`, which starts with "\nimport kfp\n"). Everything else counts.
 */
export const PROGRAM_TOKEN = '<python program>';
const KFP_PIN = /kfp==\d+\.\d+\.\d+(?:[-.]?(?:a|b|rc|beta\.?|alpha\.?)\d+)?/g;

function normalizeExecutor(executor: Record<string, unknown>): void {
  const container = executor.container as { command?: unknown[] } | undefined;
  const command = container?.command;
  if (!Array.isArray(command)) return;
  container!.command = command.map((c, i) => {
    if (typeof c !== 'string') return c;
    if (i === command.length - 1 && c.startsWith('\nimport kfp\n')) return PROGRAM_TOKEN;
    return c.replace(KFP_PIN, 'kfp==<version>');
  });
}

/** Normalises parsed IR documents in place and returns them. */
export function normalizeIr(docs: unknown[]): unknown[] {
  const spec = docs[0] as Record<string, unknown> | undefined;
  if (!spec) return docs;
  delete spec.sdkVersion;
  const executors = (spec.deploymentSpec as { executors?: Record<string, Record<string, unknown>> } | undefined)?.executors ?? {};
  for (const executor of Object.values(executors)) normalizeExecutor(executor);
  return docs;
}
