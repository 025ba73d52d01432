import { isChannel } from '../dsl/channels.ts';
import type { ResourcesConfig } from '../dsl/task-config.ts';
import { diagnostic } from '../diagnostics.ts';
import { pathAt, type NamedContext, type TaskEntry } from './context.ts';
import { HELPER, settingProblems } from './kubernetes-rules.ts';
import { CPU_QUANTITY, MEMORY_QUANTITY } from './lower-resources.ts';
import { durationSeconds } from './lower-retry.ts';

/** Each retry backoff that is not a duration kfp reads, at its field. */
function checkRetry(ctx: NamedContext, t: TaskEntry): void {
  const r = t.node.config.retry;
  if (!r) return;
  for (const [field, fallback] of [['backoffDuration', '0s'], ['backoffMaxDuration', '3600s']] as const) {
    const given = r[field] ?? fallback;
    if (durationSeconds(String(given)) === undefined)
      ctx.report(diagnostic('task/invalid-retry', pathAt(ctx.naming, t, 'retry', field), `invalid duration '${given}': use a whole number and a unit (s, m, h, d, w), e.g. '30s'`));
  }
}

/** Each CPU, memory or accelerator count that is not a Kubernetes quantity (kfp's set_*_limit ValueErrors). */
function checkResources(ctx: NamedContext, t: TaskEntry): void {
  const r: ResourcesConfig = t.node.config.resources ?? {};
  const path = pathAt(ctx.naming, t);
  const quantities = [
    ['cpu', r.cpuRequest],
    ['cpu', r.cpuLimit],
    ['memory', r.memoryRequest],
    ['memory', r.memoryLimit],
  ] as const;
  for (const [kind, value] of quantities) {
    if (value === undefined || isChannel(value)) continue;
    const v = String(value);
    if (kind === 'cpu' && !CPU_QUANTITY.test(v))
      ctx.report(diagnostic('task/invalid-resource', path, `invalid CPU quantity '${v}': use a number of cores or millicores, e.g. '2', '0.5' or '500m'`));
    if (kind === 'memory' && !MEMORY_QUANTITY.test(v))
      ctx.report(diagnostic('task/invalid-resource', path, `invalid memory quantity '${v}': use bytes with an optional unit (E, Ei, P, Pi, T, Ti, G, Gi, M, Mi, K, Ki), e.g. '8Gi'`));
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the implied count '1' always passes the check below, so whether it is implied cannot be seen
  const count = r.acceleratorCount ?? (r.acceleratorType !== undefined ? '1' : undefined);
  if (count !== undefined && !isChannel(count) && !/^\d+$/.test(String(count)))
    ctx.report(diagnostic('task/invalid-resource', path, `accelerator count '${String(count)}' must be a non-negative integer`));
}

/** Each argument of the task's kfp-kubernetes settings that kfp-kubernetes refuses, at `kubernetes/<helper>/<argument>`. */
function checkKubernetes(ctx: NamedContext, t: TaskEntry): void {
  for (const setting of t.node.config.kubernetes ?? [])
    for (const p of settingProblems(setting)) ctx.report(diagnostic('kubernetes/invalid-argument', pathAt(ctx.naming, t, 'kubernetes', HELPER[setting.kind], ...p.at), p.message));
}

/**
 * kfp: "<setter> can only be used on single-step components, not pipelines used as components";
 * platform settings likewise.
 */
function checkPipelineTaskSettings(ctx: NamedContext, t: TaskEntry): void {
  const node = t.node;
  const impl = node.component.implementation;
  if (!(impl.kind === 'graph' || (impl.kind === 'ir' && !impl.container))) return;
  const path = pathAt(ctx.naming, t);
  const { resources, env, containerImage, kubernetes } = node.config;
  const containerSettings = [
    ...(resources && Object.keys(resources).length ? ['withResources'] : []),
    ...(env && Object.keys(env).length ? ['withEnv'] : []),
    ...(containerImage !== undefined ? ['withContainerImage'] : []),
  ];
  if (containerSettings.length)
    ctx.report(
      diagnostic(
        'task/container-setting-on-pipeline',
        path,
        `${containerSettings.join(', ')} can only be used on single-step components, and '${node.component.name}' is a pipeline; set them on the tasks inside it`,
      ),
    );
  if (kubernetes && kubernetes.length)
    ctx.report(
      diagnostic(
        'task/platform-on-pipeline',
        path,
        `Platform-specific features can only be set on primitive components, and '${node.component.name}' is a pipeline; set the kubernetes settings on the tasks inside it`,
      ),
    );
}

/**
 * A task's settings as kfp checks them when they are made — retry backoffs, resource quantities,
 * kfp-kubernetes arguments, container settings on a task that runs a pipeline — each problem reported, none stopping the others (the lowering
 * writes only settings that passed).
 */
export function checkTaskSettings(ctx: NamedContext, t: TaskEntry): void {
  checkRetry(ctx, t);
  checkResources(ctx, t);
  checkKubernetes(ctx, t);
  checkPipelineTaskSettings(ctx, t);
}
