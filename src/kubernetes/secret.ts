import type { OutputDecls } from '../dsl/io.ts';
import type { ParameterOr } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** Options of {@link useSecretAsEnv}. */
export interface SecretAsEnvOptions {
  /** The Secret's name, or a pipeline parameter / task output holding it. */
  readonly secretName: ParameterOr<string>;
  /** Secret data key → environment variable name, e.g. `{ password: 'PASSWORD' }`. */
  readonly secretKeyToEnv: Readonly<Record<string, string>>;
  /** Whether the Secret may be missing (default false). */
  readonly optional?: boolean;
}

/**
 * Exposes keys of a Kubernetes Secret as environment variables of the task's container
 * (kfp-kubernetes `use_secret_as_env`). Values never appear in the compiled YAML: only names do.
 *
 * @example useSecretAsEnv(train, { secretName: 'minio-credentials', secretKeyToEnv: { 'access-key': 'AWS_ACCESS_KEY_ID' } })
 */
export function useSecretAsEnv<O extends OutputDecls>(task: TaskHandle<O>, options: SecretAsEnvOptions): TaskHandle<O> {
  checkHelperArguments('useSecretAsEnv', task, options, { secretName: 'parameter', secretKeyToEnv: 'strings', optional: 'boolean?' });
  return task.withKubernetes({
    kind: 'secretAsEnv',
    secretName: options.secretName,
    keyToEnv: Object.entries(options.secretKeyToEnv).map(([secretKey, envVar]) => ({ secretKey, envVar })),
    optional: options.optional ?? false,
  });
}

/** Options of {@link useSecretAsVolume}. */
export interface SecretAsVolumeOptions {
  readonly secretName: ParameterOr<string>;
  /** Where the Secret's keys appear as files. */
  readonly mountPath: string;
  readonly optional?: boolean;
}

/**
 * Mounts a Kubernetes Secret as files (kfp-kubernetes `use_secret_as_volume`).
 *
 * @example useSecretAsVolume(task, { secretName: 'tls', mountPath: '/etc/tls' })
 */
export function useSecretAsVolume<O extends OutputDecls>(task: TaskHandle<O>, options: SecretAsVolumeOptions): TaskHandle<O> {
  checkHelperArguments('useSecretAsVolume', task, options, { secretName: 'parameter', mountPath: 'string', optional: 'boolean?' });
  return task.withKubernetes({ kind: 'secretAsVolume', secretName: options.secretName, mountPath: options.mountPath, optional: options.optional ?? false });
}
