/**
 * What the kfp-kubernetes helpers share: their argument types. Each helper records a typed
 * setting on the task (src/dsl/kubernetes-settings.ts); the compiler checks it as kfp-kubernetes
 * does and writes the task's KubernetesExecutorConfig.
 */
export type { ParameterOr, JsonObjectArg as JsonObject } from '../dsl/kubernetes-settings.ts';
