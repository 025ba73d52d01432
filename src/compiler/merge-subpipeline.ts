import type { ComponentSpec, ExecutorSpec, KubernetesExecutorConfig, PipelineSpec, PipelineTaskSpec, PlatformSpec } from '../ir/index.ts';
import type { IrTables } from './ir-tables.ts';
import { uniqueName } from './unique-name.ts';

/** What a sub-pipeline brings into the outer documents, under the names it gets there. */
export interface MergedSubPipeline {
  /** The sub-pipeline's root, which becomes the component of the task that runs it. */
  readonly root: ComponentSpec;
  readonly components: readonly (readonly [string, ComponentSpec])[];
  readonly executors: readonly (readonly [string, ExecutorSpec])[];
  /** Platform executors to set: new ones, and outer ones with the sub-pipeline's merged in (as kfp does). */
  readonly platformExecutors: readonly (readonly [string, KubernetesExecutorConfig])[];
}

/** A DAG component with each task's componentRef renamed by `rename`. */
function withRenamedRefs(c: ComponentSpec, rename: (name: string) => string): ComponentSpec {
  const { dag, executorLabel: _none, ...common } = c;
  if (dag?.tasks === undefined) return c;
  const tasks: Record<string, PipelineTaskSpec> = {};
  for (const [name, t] of Object.entries(dag.tasks)) {
    const ref = t.componentRef?.name;
    tasks[name] = ref === undefined ? t : { ...t, componentRef: { ...t.componentRef, name: rename(ref) } };
  }
  return { ...common, dag: { ...dag, tasks } };
}

/** An executor component under another executor label. */
function relabelled(c: ComponentSpec, label: string | undefined): ComponentSpec {
  const { dag: _none, executorLabel, ...common } = c;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: label comes from c.executorLabel (undefined for a DAG component, which keeps it) and an executor component has no dag, so the copy equals c
  return label === undefined || label === executorLabel ? c : { ...common, executorLabel: label };
}

/**
 * kfp's `merge_deployment_spec_and_component_spec`: a sub-pipeline's executors and components
 * under the names they get in the outer pipeline — clashing executor labels renamed (`exec-x` →
 * `exec-x-2`), then clashing component names — and its root, which becomes the task's component.
 * The sub-pipeline's documents are not changed (a pipeline may be used several times).
 *
 * kfp renames in place as it goes, and these quirks are kept because they decide names: a
 * component whose label was renamed to a label the sub-pipeline also has is renamed again, and
 * after each executor the whole sub platform spec is merged into the outer one (a shallow
 * Struct.update), labels not renamed yet included.
 */
export function mergeSubPipeline(tables: IrTables, pipelineSpec: PipelineSpec, platformSpec: PlatformSpec | undefined): MergedSubPipeline {
  const components = pipelineSpec.components ?? {};
  const labels = new Map(Object.entries(components).map(([name, c]) => [name, c.executorLabel]));
  const platform = new Map(Object.entries(platformSpec?.platforms?.kubernetes?.deploymentSpec?.executors ?? {}));
  const executors: [string, ExecutorSpec][] = [];
  const merged = new Map<string, KubernetesExecutorConfig>();
  const taken = new Set(tables.executorLabels);

  for (const [label, executor] of Object.entries(pipelineSpec.deploymentSpec?.executors ?? {})) {
    const renamed = uniqueName(label, taken);
    if (renamed !== label) {
      for (const [name, l] of labels) if (l === label) labels.set(name, renamed);
      const body = platform.get(label);
      if (body !== undefined) {
        platform.delete(label);
        platform.set(renamed, body);
      }
    }
    taken.add(renamed);
    executors.push([renamed, executor]);
    for (const [l, body] of platform) merged.set(l, { ...(merged.get(l) ?? tables.platformExecutors[l] ?? {}), ...body });
  }

  // New names first (unique against the outer names and every name chosen so far), then the
  // references renamed last-first so one rename cannot capture another's result.
  const renames: [string, string][] = [];
  for (const name of Object.keys(components)) {
    const names = new Set([...tables.componentNames, ...renames.flat()]);
    renames.push([name, uniqueName(name, names)]);
  }
  const reversed = [...renames].reverse();
  // Stryker disable next-line ConditionalExpression: when from === to, n === from ? to : n gives n either way
  const rename = (ref: string): string => reversed.reduce((n, [from, to]) => (from !== to && n === from ? to : n), ref);
  const newName = new Map(renames);
  return {
    root: withRenamedRefs(pipelineSpec.root ?? {}, rename),
    components: Object.entries(components).map(([name, c]) => {
      return [newName.get(name)!, withRenamedRefs(relabelled(c, labels.get(name)), rename)] as const;
    }),
    executors,
    platformExecutors: [...merged],
  };
}
