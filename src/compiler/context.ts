/**
 * The compiler's shared model: what one compile knows at each stage, and the context every pass
 * receives. Passes are functions `(ctx, node) → fragment` (an IR object built fresh, never an
 * object another pass built, edited in place); problems go through `ctx.report`.
 *
 * The stages, in order (compile.ts):
 *  1. naming — the structure of the tree, the task and group names, where collected()/oneOf()
 *     outputs surface: one frozen `Naming`, made before any pass reads a name;
 *  2. checks and the Python sources, which only report (and read the functions' programs);
 *  3. analysis — which channels each group receives, and who depends on whom;
 *  4. lowering — components, executors, DAGs, platform settings, assembled into the documents.
 */
import type { ChannelNode } from '../dsl/channels.ts';
import type { GroupNode, PipelineNode, TaskNode } from '../dsl/nodes.ts';
import type { Diagnostic, DiagnosticPath } from '../diagnostics.ts';
import type { CompileResult } from './compile-result.ts';
import type { CompileOptions } from './options.ts';

/** The name kfp gives the root group (it is never written out). */
export const ROOT = '__root__';

export interface TaskEntry {
  readonly kind: 'task';
  readonly node: TaskNode;
  /** kfp's task name: the component name made k8s-safe, unique by `-2`, `-3`, … in creation order. */
  readonly name: string;
  /** Names from the root to this task, both included. */
  readonly chain: readonly string[];
  readonly parent: GroupEntry | undefined;
  /** An exit handler's exit task: it sits beside its handler in the enclosing DAG. */
  readonly isExitTask: boolean;
}

export interface GroupEntry {
  readonly kind: 'group';
  readonly node: GroupNode;
  /** `condition-<n>`, `for-loop-<n>`, … from kfp's group counter. */
  readonly name: string;
  readonly chain: readonly string[];
  readonly parent: GroupEntry | undefined;
  readonly children: readonly DagEntry[];
}

export type DagEntry = TaskEntry | GroupEntry;

/** Where a collected()/oneOf() output surfaces: an output of a group, under a key. */
export interface Surfaced {
  readonly group: string;
  readonly key: string;
}

/**
 * One output a group surfaces (kfp's `get_outputs_for_all_groups`): a child's output, as a list
 * for a collected() output, or the output of whichever branch ran for a oneOf().
 */
export type GroupOutput =
  | { readonly kind: 'child'; readonly channel: ChannelNode; readonly producerSubtask: string; readonly outputKey: string; readonly isList: boolean }
  | { readonly kind: 'oneOf'; readonly channel: ChannelNode; readonly selectors: readonly { readonly producerSubtask: string; readonly outputKey: string }[] };

export interface CollectedOutputs {
  /** Per collected inner channel (by source): where it first surfaces. */
  readonly surfaced: ReadonlyMap<string, Surfaced>;
  /**
   * Per `collected()`/`oneOf()` value (its source object): where it surfaces for its consumer. kfp's
   * Collected objects are distinct, so the same output collected at two depths surfaces twice.
   */
  readonly bySource: ReadonlyMap<object, Surfaced>;
  /** Per group name: its outputs by key, in the order kfp adds them. */
  readonly groupOutputs: ReadonlyMap<string, ReadonlyMap<string, GroupOutput>>;
}

/** Every name a compile uses, fixed (and frozen) before any pass reads one. */
export interface Naming {
  readonly pipelineName: string;
  /** Every task, ordered by creation (kfp names tasks in that order). */
  readonly tasks: readonly TaskEntry[];
  readonly tasksById: ReadonlyMap<string, TaskEntry>;
  /** Groups in pre-order, parents first (kfp's `get_all_groups`). */
  readonly groups: readonly GroupEntry[];
  readonly rootChildren: readonly DagEntry[];
  readonly byName: ReadonlyMap<string, DagEntry>;
  readonly collected: CollectedOutputs;
}

/** The tree's structure with every task and group named: all of `Naming` but where collected outputs surface. */
export type Structure = Omit<Naming, 'collected'>;

/** A channel a group must receive as a `pipelinechannel--…` input, by its kfp full name. */
export interface GroupInput {
  readonly channel: ChannelNode;
  readonly fullName: string;
}

/** kfp's "punch the hole" analysis: group inputs and dependencies between siblings. */
export interface Analysis {
  /** Per group name: the channels it must receive. */
  readonly inputs: ReadonlyMap<string, ReadonlyMap<string, GroupInput>>;
  /** Per task or group name: the sibling names it depends on. */
  readonly dependencies: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What a Python component's program embeds: the function, and imports for custom artifact classes. */
export interface PythonProgram {
  readonly text: string;
  readonly imports: readonly string[];
}

/** Input and output descriptions from a function's docstring, and its summary. */
export interface ComponentDocs {
  readonly inputs: ReadonlyMap<string, string>;
  readonly outputs: ReadonlyMap<string, string>;
  readonly summary?: string;
}

/** The Python side of the tasks, by task node id. */
export interface PythonResolution {
  readonly programs: ReadonlyMap<string, PythonProgram>;
  readonly docs: ReadonlyMap<string, ComponentDocs>;
  /** The helper text of each task whose component embeds a file or notebook. */
  readonly embeddedHelpers: ReadonlyMap<string, string>;
}

/** What the enclosing DAG offers a task: its input names, and the sibling task names. */
export interface DagView {
  readonly inputParameters: ReadonlySet<string>;
  readonly inputArtifacts: ReadonlySet<string>;
  readonly siblings: ReadonlySet<string>;
}

export type Report = (diagnostic: Diagnostic) => void;

/** What every pass gets. */
export interface PassContext {
  readonly pipeline: PipelineNode;
  readonly options: CompileOptions;
  readonly report: Report;
}

/** Once the names are fixed. */
export interface NamedContext extends PassContext {
  readonly naming: Naming;
}

/** What the lowering passes get. */
export interface LowerContext extends NamedContext {
  readonly analysis: Analysis;
  readonly python: PythonResolution;
  /** Compiles a pipeline used as a component (compile.ts, passed in so no pass imports the orchestrator). */
  readonly compileInner: (pipeline: PipelineNode, options: CompileOptions) => CompileResult;
}

/** A diagnostic path at a task or group: the pipeline's name, the task's (or group's), then `rest`. */
export function pathAt(names: { readonly pipelineName: string }, entry: { readonly name: string }, ...rest: string[]): DiagnosticPath {
  return [names.pipelineName, entry.name, ...rest];
}
