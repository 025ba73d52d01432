import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
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
  return task.withKubernetes({ kind: 'securityContext', ...options });
}
