import type { OutputDecls } from '../dsl/io.ts';
import type { ParameterOr } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** Options of {@link useConfigMapAsEnv}. */
export interface ConfigMapAsEnvOptions {
  /** The ConfigMap's name, or a pipeline parameter / task output holding it. */
  readonly configMapName: ParameterOr<string>;
  /** ConfigMap key → environment variable name, e.g. `{ foo: 'FOO' }`. */
  readonly configMapKeyToEnv: Readonly<Record<string, string>>;
  /** Whether the ConfigMap may be missing (default false). */
  readonly optional?: boolean;
}

/**
 * Exposes keys of a ConfigMap as environment variables (kfp-kubernetes `use_config_map_as_env`).
 *
 * @example useConfigMapAsEnv(task, { configMapName: 'settings', configMapKeyToEnv: { region: 'REGION' } })
 */
export function useConfigMapAsEnv<O extends OutputDecls>(task: TaskHandle<O>, options: ConfigMapAsEnvOptions): TaskHandle<O> {
  checkHelperArguments('useConfigMapAsEnv', task, options, { configMapName: 'parameter', configMapKeyToEnv: 'strings', optional: 'boolean?' });
  return task.withKubernetes({
    kind: 'configMapAsEnv',
    configMapName: options.configMapName,
    keyToEnv: Object.entries(options.configMapKeyToEnv).map(([configMapKey, envVar]) => ({ configMapKey, envVar })),
    optional: options.optional ?? false,
  });
}

/** Options of {@link useConfigMapAsVolume}. */
export interface ConfigMapAsVolumeOptions {
  readonly configMapName: ParameterOr<string>;
  readonly mountPath: string;
  readonly optional?: boolean;
}

/**
 * Mounts a ConfigMap as files (kfp-kubernetes `use_config_map_as_volume`).
 *
 * @example useConfigMapAsVolume(task, { configMapName: 'settings', mountPath: '/etc/settings' })
 */
export function useConfigMapAsVolume<O extends OutputDecls>(task: TaskHandle<O>, options: ConfigMapAsVolumeOptions): TaskHandle<O> {
  checkHelperArguments('useConfigMapAsVolume', task, options, { configMapName: 'parameter', mountPath: 'string', optional: 'boolean?' });
  return task.withKubernetes({ kind: 'configMapAsVolume', configMapName: options.configMapName, mountPath: options.mountPath, optional: options.optional ?? false });
}
