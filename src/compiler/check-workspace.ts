import { isChannel } from '../dsl/channels.ts';
import { isRuntimePlaceholder } from '../dsl/placeholders.ts';
import { diagnostic } from '../diagnostics.ts';
import { pathAt, type NamedContext } from './context.ts';

const WORKSPACE_PATH = '{{$.workspace_path}}';
/** kfp's `dsl.constants.WORKSPACE_MOUNT_PATH`. */
const WORKSPACE_MOUNT_PATH = '/kfp-workspace';

/** A string argument's text (a template's channels stand in as channels, never as workspace text). */
function stringText(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (isRuntimePlaceholder(arg)) return arg.ref.expression;
  // Stryker disable next-line ConditionalExpression: reading .kind of a number or boolean gives undefined, so the typeof test matters only for null, which arg !== null refuses too
  if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'stringTemplate')
    return (arg as { parts: readonly unknown[] }).parts.map((p) => (typeof p === 'string' ? p : isRuntimePlaceholder(p) ? p.ref.expression : isChannel(p) ? '{{channel}}' : '')).join('');
  return undefined;
}

/**
 * kfp refuses a pipeline whose tasks take the workspace path (`{{$.workspace_path}}` anywhere in a
 * string argument, or a string starting with `/kfp-workspace`) unless its own PipelineConfig gives
 * the workspace a size: without a workspace there is no such path at run time. As kfp, only
 * string arguments themselves are looked at, not strings inside list or struct arguments.
 */
export function checkWorkspace(ctx: NamedContext): void {
  const { pipeline, naming: s } = ctx;
  // A workspace without a size is refused where the pipeline config is lowered.
  const size: unknown = pipeline.pipelineConfig?.workspace?.size;
  if (typeof size === 'string' && size.trim()) return;
  for (const t of s.tasks)
    for (const [name, arg] of Object.entries(t.node.args)) {
      const text = stringText(arg);
      if (text !== undefined && (text.includes(WORKSPACE_PATH) || text.startsWith(WORKSPACE_MOUNT_PATH)))
        return ctx.report(
          diagnostic(
            'pipeline/workspace-not-configured',
            pathAt(s, t, 'inputs', name),
            `task '${t.name}' uses the workspace (${JSON.stringify(text)}) but pipeline '${pipeline.name}' configures none: give it one, e.g. pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '1Gi' } })`,
          ),
        );
    }
}
