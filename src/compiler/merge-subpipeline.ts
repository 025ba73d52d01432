import { keysOf, uniqueName } from './structure.ts';

type Json = Record<string, unknown>;

const clone = <T>(v: T): T => structuredClone(v) as T;

/** Where the outer pipeline collects what sub-pipelines bring in. */
export interface MergeTarget {
  readonly components: Json;
  readonly executors: Json;
  readonly platformExecutors: Json;
}

function subPlatformExecutors(platformSpec: Json | undefined): Json {
  const k8s = (platformSpec?.platforms as Json | undefined)?.kubernetes as Json | undefined;
  return clone(((k8s?.deploymentSpec as Json | undefined)?.executors as Json | undefined) ?? {});
}

/**
 * kfp's `merge_deployment_spec_and_component_spec`: copies a sub-pipeline's executors and
 * components into the outer pipeline, renaming clashing executor labels (`exec-x` → `exec-x-2`)
 * and component names, and returns the sub-pipeline's root, which becomes the task's component.
 * The sub-pipeline's documents are left as they were (a pipeline may be used several times).
 */
export function mergeSubPipeline(target: MergeTarget, pipelineSpec: Json, platformSpec: Json | undefined): Json {
  const sub = clone(pipelineSpec);
  const components = (sub.components ?? {}) as Record<string, Json>;
  const platform = subPlatformExecutors(platformSpec);
  const executors = ((sub.deploymentSpec as Json | undefined)?.executors ?? {}) as Json;

  for (const [label, executor] of Object.entries(executors)) {
    const renamed = uniqueName(label, keysOf(target.executors));
    if (renamed !== label) {
      for (const c of Object.values(components)) if (c.executorLabel === label) c.executorLabel = renamed;
      if (label in platform) {
        platform[renamed] = platform[label];
        delete platform[label];
      }
    }
    target.executors[renamed] = executor;
    // kfp merges the whole sub platform spec after each executor (a shallow Struct.update).
    for (const [l, body] of Object.entries(platform))
      target.platformExecutors[l] = { ...((target.platformExecutors[l] as Json | undefined) ?? {}), ...clone(body as Json) };
  }

  // New names first (unique against the outer names and every name chosen so far), then the
  // references renamed last-first so one rename cannot capture another's result.
  const renames: [string, string][] = [];
  const existing = Object.keys(target.components);
  for (const name of Object.keys(components)) {
    const taken = new Set([...existing, ...renames.flat()]);
    renames.push([name, uniqueName(name, taken)]);
  }
  const dags = [...Object.values(components), sub.root as Json].map((c) => ((c?.dag as Json | undefined)?.tasks ?? {}) as Record<string, Json>);
  for (const [from, to] of [...renames].reverse()) {
    if (from === to) continue;
    for (const tasks of dags)
      for (const t of Object.values(tasks)) {
        const ref = t.componentRef as Json | undefined;
        if (ref?.name === from) ref.name = to;
      }
  }
  const newName = new Map(renames);
  for (const [name, c] of Object.entries(components)) target.components[newName.get(name)!] = c;
  return sub.root as Json;
}
