import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { append, argumentError, int64, isParameterChannel, parameterInput, withoutDefaults, type Json, type JsonObject } from './common.ts';
import type { ParameterChannel } from '../dsl/channels.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** A Kubernetes toleration, as {@link addToleration} takes it. */
export interface Toleration {
  /** The taint key; left out with operator `Exists`, every taint is tolerated. */
  readonly key?: string;
  /** `Equal` (the Kubernetes default) or `Exists`. */
  readonly operator?: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect?: 'NoExecute' | 'NoSchedule' | 'PreferNoSchedule';
  /** For `NoExecute`: how long the pod stays once the taint appears. */
  readonly tolerationSeconds?: number;
}

function tolerationEntry(t: Toleration): Json {
  if (t.tolerationSeconds !== undefined && !Number.isInteger(t.tolerationSeconds))
    throw argumentError('addToleration/tolerationSeconds', `tolerationSeconds must be a whole number, got ${t.tolerationSeconds}`);
  return {
    ...withoutDefaults({ key: t.key, operator: t.operator, value: t.value, effect: t.effect }),
    // An explicit-presence int64: written (as a string) whenever it is given, 0 included.
    ...(t.tolerationSeconds !== undefined ? { tolerationSeconds: int64(t.tolerationSeconds) } : {}),
  };
}

/**
 * Adds a toleration to the task's pod (kfp-kubernetes `add_toleration`).
 *
 * @example addToleration(train, { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' })
 */
export function addToleration<O extends OutputDecls>(task: TaskHandle<O>, toleration: Toleration = {}): TaskHandle<O> {
  checkHelperArguments('addToleration', task, toleration, { key: 'string?', operator: 'checked?', value: 'string?', effect: 'checked?', tolerationSeconds: 'checked?' }, true);
  const entry = tolerationEntry(toleration);
  return task.withKubernetes((k) => append(k, 'tolerations', entry));
}

/**
 * Adds tolerations given as JSON (kfp-kubernetes `add_toleration_json`): one toleration or a
 * list, as constants (the same as {@link addToleration} for each), or a STRUCT or LIST pipeline
 * parameter read by the backend at run time.
 *
 * @example addTolerationJson(train, p.tolerations)
 */
export function addTolerationJson<O extends OutputDecls>(
  task: TaskHandle<O>,
  tolerationJson: Toleration | readonly Toleration[] | ParameterChannel<JsonObject> | ParameterChannel<readonly JsonObject[]>,
): TaskHandle<O> {
  checkHelperArguments('addTolerationJson', task, undefined, {}, true);
  if (isParameterChannel(tolerationJson)) {
    const entry: Json = { tolerationJson: parameterInput(tolerationJson) };
    return task.withKubernetes((k) => append(k, 'tolerations', entry));
  }
  const list: readonly Toleration[] = Array.isArray(tolerationJson) ? tolerationJson : [tolerationJson as Toleration];
  const entries = list.map(tolerationEntry);
  return task.withKubernetes((k) => append(k, 'tolerations', ...entries));
}
