import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { channelFullName, injectedName } from './channel-names.ts';
import type { DagView } from './lower-task.ts';
import type { Structure } from './structure.ts';

type Json = Record<string, unknown>;

/**
 * Resolves the run-time references the kfp-kubernetes helpers leave in a task's config
 * (`{ componentInputParameter: <channel> }`, `{ taskOutputParameter: <channel> }`) the way kfp's
 * `_rewrite_platform_config_input_references` does for the DAG the task is in: a pipeline input
 * or loop item keeps its bare name where the DAG has it, else becomes the DAG's
 * `pipelinechannel--` input; an output of a task outside the DAG becomes the DAG's surfaced
 * `pipelinechannel--<task>-<output>` input.
 */
export function lowerKubernetesConfig(config: Readonly<Json>, s: Structure, dag: DagView, path: readonly string[], ds: Diagnostic[]): Json {
  const reported = new Set<string>();
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object' || isChannel(v)) return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'componentInputParameter' && isChannel(x)) {
        const name = channelFullName(x, s);
        out[k] = !dag.inputParameters.has(name) && dag.inputParameters.has(injectedName(name)) ? injectedName(name) : name;
      } else if (k === 'taskOutputParameter' && isChannel(x) && x.source.kind === 'taskOutput') {
        const producer = s.tasksById.get(x.source.taskId)?.name ?? x.source.taskId;
        const key = x.source.output;
        if (dag.siblings.has(producer)) out[k] = { outputParameterKey: key, producerTask: producer };
        else {
          const surfaced = injectedName(`${producer}-${key}`);
          // A helper may write one reference in several places (name and its parameter form): report it once.
          if (!dag.inputParameters.has(surfaced) && !reported.has(surfaced)) {
            reported.add(surfaced);
            const what = s.tasksById.has(x.source.taskId) ? `task '${producer}', which does not reach this task's DAG` : 'a task of another pipeline';
            ds.push(diagnostic('kubernetes/unreachable-reference', path, `the Kubernetes setting uses output '${key}' of ${what}; pass a value this task can reach (a pipeline input or an output of a task in this pipeline)`));
          }
          out.componentInputParameter = surfaced;
        }
      } else out[k] = walk(x);
    }
    return out;
  };
  return walk(config) as Json;
}

/** Channels inside a kfp-kubernetes config: kfp registers them as inputs of the task. */
export function kubernetesChannels(config: Readonly<Json> | undefined): ChannelNode[] {
  const out: ChannelNode[] = [];
  const walk = (v: unknown): void => {
    if (isChannel(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(config);
  return out;
}
