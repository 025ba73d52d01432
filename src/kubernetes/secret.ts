import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';

type Json = Record<string, unknown>;

function append(current: Readonly<Json>, key: string, entry: Json): Json {
  const list = Array.isArray(current[key]) ? (current[key] as unknown[]) : [];
  return { ...current, [key]: [...list, entry] };
}

/**
 * Exposes keys of a Kubernetes Secret as environment variables of the task's container
 * (kfp-kubernetes `use_secret_as_env`). Values never appear in the compiled YAML: only names do.
 *
 * @example useSecretAsEnv(train, { secretName: 'minio-credentials', secretKeyToEnv: { 'access-key': 'AWS_ACCESS_KEY_ID' } })
 */
export function useSecretAsEnv<O extends OutputDecls>(
  task: TaskHandle<O>,
  options: { readonly secretName: string; readonly secretKeyToEnv: Readonly<Record<string, string>>; readonly optional?: boolean },
): TaskHandle<O> {
  const entry: Json = {
    keyToEnv: Object.entries(options.secretKeyToEnv).map(([secretKey, envVar]) => ({ envVar, secretKey })),
    optional: options.optional ?? false,
    // kfp-kubernetes writes the deprecated plain name beside the parameter form for older backends.
    secretName: options.secretName,
    secretNameParameter: { runtimeValue: { constant: options.secretName } },
  };
  return task.withKubernetes((k) => append(k, 'secretAsEnv', entry));
}

/** Mounts a Kubernetes Secret as files (kfp-kubernetes `use_secret_as_volume`). */
export function useSecretAsVolume<O extends OutputDecls>(
  task: TaskHandle<O>,
  options: { readonly secretName: string; readonly mountPath: string; readonly optional?: boolean },
): TaskHandle<O> {
  const entry: Json = {
    mountPath: options.mountPath,
    optional: options.optional ?? false,
    secretName: options.secretName,
    secretNameParameter: { runtimeValue: { constant: options.secretName } },
  };
  return task.withKubernetes((k) => append(k, 'secretAsVolume', entry));
}
