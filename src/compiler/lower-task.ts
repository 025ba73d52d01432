import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { isRuntimePlaceholder } from '../dsl/placeholders.ts';
import type { ArgNode, RetryConfig } from '../dsl/task-node.ts';
import { channelFullName, channelShortName, injectedName, nestedChannels, producerName } from './channel-names.ts';
import { loopItemInput } from './lower-loop.ts';
import type { Structure, TaskEntry } from './structure.ts';

type Json = Record<string, unknown>;

/** What the enclosing DAG offers: its input names, and the sibling task names. */
export interface DagView {
  readonly inputParameters: ReadonlySet<string>;
  readonly inputArtifacts: ReadonlySet<string>;
  readonly siblings: ReadonlySet<string>;
}

const SECONDS_PER: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** kfp's `convert_duration_to_seconds` for retry backoffs (`'1h'`, `'30 s'`, `'2 minutes'`); undefined when invalid. */
export function durationSeconds(d: string): string | undefined {
  const m = /^(\d+)([a-zA-Z]+)$/.exec(d.replace(/ /g, ''));
  const unit = m?.[2]?.[0];
  if (!m || !unit || !(unit in SECONDS_PER)) return undefined;
  return `${Number(m[1]) * SECONDS_PER[unit]!}s`;
}

export function retryPolicy(r: RetryConfig, path: readonly string[], ds: Diagnostic[]): Json {
  const duration = (field: 'backoffDuration' | 'backoffMaxDuration', fallback: string): string => {
    const given = r[field] ?? fallback;
    const seconds = durationSeconds(given);
    if (seconds === undefined) ds.push(diagnostic('task/invalid-retry', [...path, field], `invalid duration '${given}': use a whole number and a unit (s, m, h, d, w), e.g. '30s'`));
    return seconds ?? '0s';
  };
  return {
    backoffDuration: duration('backoffDuration', '0s'),
    backoffFactor: r.backoffFactor || 2.0,
    backoffMaxDuration: duration('backoffMaxDuration', '3600s'),
    maxRetryCount: r.maxRetryCount || 0,
  };
}

/** How a channel reaches a task inside `dag`: from a sibling's output or from the DAG's inputs. */
export function channelSource(ch: ChannelNode, s: Structure, dag: DagView): Json {
  const fullName = channelFullName(ch, s);
  const artifact = ch.kind === 'artifactChannel';
  // A task's output, or a collected output a loop group surfaces.
  const producer = ch.source.kind === 'taskOutput' || ch.source.kind === 'collected' || ch.source.kind === 'oneOf' ? producerName(ch, s) : undefined;
  if (producer !== undefined) {
    const key = channelShortName(ch, s);
    if (dag.siblings.has(producer))
      return artifact
        ? { taskOutputArtifact: { outputArtifactKey: key, producerTask: producer } }
        : { taskOutputParameter: { outputParameterKey: key, producerTask: producer } };
    return artifact ? { componentInputArtifact: injectedName(fullName) } : { componentInputParameter: injectedName(fullName) };
  }
  const available = artifact ? dag.inputArtifacts : dag.inputParameters;
  const name = available.has(fullName) ? fullName : injectedName(fullName);
  return artifact ? { componentInputArtifact: name } : { componentInputParameter: name };
}

/**
 * A constant with its channels replaced by `{{$.inputs.parameters['pipelinechannel--…']}}`, and
 * runtime placeholders by their text (kfp's `dsl.*_PLACEHOLDER` are plain strings).
 */
function constantWithPlaceholders(arg: ArgNode, s: Structure): unknown {
  const walk = (v: unknown): unknown => {
    if (isChannel(v)) return `{{$.inputs.parameters['${injectedName(channelFullName(v, s))}']}}`;
    if (isRuntimePlaceholder(v)) return v.ref.expression;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      if ((v as { kind?: unknown }).kind === 'stringTemplate') return (v as { parts: unknown[] }).parts.map(walk).join('');
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(arg);
}

/** `inputs` of a task spec: each argument, plus the injected inputs its templates need. */
export function lowerTaskInputs(t: TaskEntry, s: Structure, dag: DagView, extra: Readonly<Record<string, ArgNode>> = {}): Json | undefined {
  const parameters: Json = {};
  const artifacts: Json = {};
  for (const [name, arg] of Object.entries({ ...t.node.args, ...extra })) {
    if (arg === undefined) continue;
    if (isChannel(arg)) {
      (arg.kind === 'artifactChannel' ? artifacts : parameters)[name] =
        arg.source.kind === 'loopItem' ? loopItemInput(arg, s) : channelSource(arg, s, dag);
      continue;
    }
    for (const ch of nestedChannels(arg)) {
      const injected = injectedName(channelFullName(ch, s));
      // A loop item's field the DAG does not receive as such is read out of the item (kfp feeds
      // the field from an input that does not exist).
      const fromItem = ch.source.kind === 'loopItem' && ch.source.subvar !== undefined && !dag.inputParameters.has(injected);
      parameters[injected] = fromItem ? loopItemInput(ch, s) : channelSource(ch, s, dag);
    }
    parameters[name] = { runtimeValue: { constant: constantWithPlaceholders(arg, s) } };
  }
  const out: Json = {};
  if (Object.keys(artifacts).length) out.artifacts = artifacts;
  if (Object.keys(parameters).length) out.parameters = parameters;
  return Object.keys(out).length ? out : undefined;
}
