/**
 * What a task's kfp-kubernetes settings mean on this machine. Secrets mapped to environment
 * variables become environment variables — from the secrets the user passed, never from anywhere
 * else; a pod deadline (activeDeadlineSeconds) becomes the task's timeout. Everything else (volumes,
 * config maps, scheduling, pod metadata, image pull settings, security context) has no local
 * meaning and is reported once as a warning, never silently dropped.
 */
import type { InputParameterSpec, KubernetesExecutorConfig, SecretAsEnv } from '../ir/index.ts';

/** The names of the settings that are ignored locally, for the warning. */
export function ignoredKubernetesSettings(config: KubernetesExecutorConfig): string[] {
  const out: string[] = [];
  const has = (v: unknown): boolean => v !== undefined && !(Array.isArray(v) && v.length === 0);
  if (has(config.secretAsVolume)) out.push('secret volumes');
  if (has(config.configMapAsEnv)) out.push('config map env');
  if (has(config.configMapAsVolume)) out.push('config map volumes');
  if (has(config.pvcMount)) out.push('PVC mounts');
  if (has(config.nodeSelector)) out.push('node selector');
  if (has(config.tolerations)) out.push('tolerations');
  if (has(config.nodeAffinity)) out.push('node affinity');
  if (has(config.podAffinity)) out.push('pod affinity');
  if (has(config.podMetadata)) out.push('pod labels and annotations');
  if (has(config.imagePullSecret)) out.push('image pull secrets');
  if (has(config.imagePullPolicy)) out.push('image pull policy');
  if (has(config.fieldPathAsEnv)) out.push('field path env');
  if (has(config.genericEphemeralVolume)) out.push('ephemeral volumes');
  if (has(config.emptyDirMounts)) out.push('empty dir mounts');
  if (has(config.enabledSharedMemory)) out.push('shared memory');
  if (has(config.securityContext)) out.push('security context');
  return out;
}

/** The pod deadline in milliseconds, when set. */
export function timeoutMs(config: KubernetesExecutorConfig | undefined): number | undefined {
  const raw = config?.activeDeadlineSeconds;
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** How a SecretAsEnv names its secret: a constant, or a parameter to resolve in the task's DAG. */
export function secretNameSource(secret: SecretAsEnv): { readonly constant: string } | { readonly parameter: InputParameterSpec } | undefined {
  const p = secret.secretNameParameter;
  if (p?.runtimeValue?.constant !== undefined && typeof p.runtimeValue.constant === 'string') return { constant: p.runtimeValue.constant };
  if (p !== undefined && (p.componentInputParameter !== undefined || p.taskOutputParameter !== undefined)) return { parameter: p };
  if (secret.secretName !== undefined && secret.secretName !== '') return { constant: secret.secretName };
  return undefined;
}

export type SecretEnv = { readonly ok: true; readonly env: Record<string, string> } | { readonly ok: false; readonly message: string };

/**
 * The environment variables a task's secrets give, for secrets already named. A secret or key the
 * user did not pass fails the task, unless the mapping is optional (as Kubernetes would refuse to
 * start the pod, or start it without the variables).
 */
export function secretEnvironment(
  secrets: readonly { readonly spec: SecretAsEnv; readonly name: string }[],
  provided: Readonly<Record<string, Readonly<Record<string, string>>>>,
): SecretEnv {
  const env: Record<string, string> = {};
  for (const { spec, name } of secrets) {
    const values = provided[name];
    if (values === undefined) {
      if (spec.optional === true) continue;
      return { ok: false, message: `secret "${name}" was not given: pass --secret-env ${name}=FILE (a KEY=VALUE file, a JSON object or a directory of key files)` };
    }
    for (const mapping of spec.keyToEnv ?? []) {
      const value = values[mapping.secretKey ?? ''];
      if (value === undefined) {
        if (spec.optional === true) continue;
        return { ok: false, message: `secret "${name}" has no key "${mapping.secretKey}" (its keys: ${Object.keys(values).sort().join(', ') || 'none'})` };
      }
      if (mapping.envVar) env[mapping.envVar] = value;
    }
  }
  return { ok: true, env };
}
