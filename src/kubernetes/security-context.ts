import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { int64, isWholeNumber, mergeInto, throwIfAny, type Json } from './common.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** Options of {@link setSecurityContext}. */
export interface SecurityContextOptions {
  /** The UID the container's process runs as. */
  readonly runAsUser?: number;
  /** The GID the container's process runs as. */
  readonly runAsGroup?: number;
  readonly runAsNonRoot?: boolean;
}

/**
 * Sets identity fields of the container's security context (kfp-kubernetes
 * `set_security_context`). The backend keeps its own hardening (no privilege escalation, all
 * capabilities dropped) and ignores these when an administrator has set them.
 *
 * @example setSecurityContext(task, { runAsUser: 65534, runAsGroup: 0 })
 */
export function setSecurityContext<O extends OutputDecls>(task: TaskHandle<O>, options: SecurityContextOptions): TaskHandle<O> {
  checkHelperArguments('setSecurityContext', task, options, { runAsUser: 'checked?', runAsGroup: 'checked?', runAsNonRoot: 'checked?' });
  const problems: Diagnostic[] = [];
  const at = (field: string) => `kubernetes/setSecurityContext/${field}`;
  if (options.runAsUser === undefined && options.runAsGroup === undefined && options.runAsNonRoot === undefined)
    problems.push(diagnostic('kubernetes/invalid-argument', at(''), 'give at least one of runAsUser, runAsGroup, runAsNonRoot'));
  for (const field of ['runAsUser', 'runAsGroup'] as const) {
    const v = options[field];
    if (v !== undefined && !isWholeNumber(v))
      problems.push(diagnostic('kubernetes/invalid-argument', at(field), `${field} must be a whole number greater than or equal to 0, got ${String(v)}`));
  }
  if (options.runAsNonRoot !== undefined && typeof options.runAsNonRoot !== 'boolean')
    problems.push(diagnostic('kubernetes/invalid-argument', at('runAsNonRoot'), `runAsNonRoot must be true or false, got ${String(options.runAsNonRoot)}`));
  throwIfAny(problems);
  const patch: Json = {
    // int64 fields: protobuf JSON writes them as strings.
    ...(options.runAsUser !== undefined ? { runAsUser: int64(options.runAsUser) } : {}),
    ...(options.runAsGroup !== undefined ? { runAsGroup: int64(options.runAsGroup) } : {}),
    ...(options.runAsNonRoot !== undefined ? { runAsNonRoot: options.runAsNonRoot } : {}),
  };
  return task.withKubernetes((k) => mergeInto(k, 'securityContext', patch));
}
