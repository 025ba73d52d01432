/**
 * The frozen node tree a pipeline body builds and the compiler compiles: pipeline, groups,
 * tasks and the components they run. One module because the tree is recursive — a pipeline used
 * as a component holds a pipeline — and its parts must not import each other in a circle; the
 * leaves (task settings, interfaces, implementations, conditions) live in their own modules.
 */
import type { DiagnosticCode } from '../diagnostics.ts';
import type { ChannelNode } from './channels.ts';
import type { ContainerImplementation, ImporterImplementation, InterfaceNode, IrImplementation, PythonImplementation } from './component-node.ts';
import type { ConditionNode } from './conditions.ts';
import type { PipelineConfigOptions } from './kubernetes-settings.ts';
import type { ArgNode, TaskConfig } from './task-config.ts';

/**
 * A pipeline used as a component (kfp's graph component): the compiler compiles it on its own
 * and merges its components and executors into the outer pipeline, renaming clashes as kfp does.
 */
export interface GraphImplementation {
  readonly kind: 'graph';
  readonly pipeline: PipelineNode;
}

export type Implementation = PythonImplementation | ContainerImplementation | ImporterImplementation | GraphImplementation | IrImplementation;

/**
 * A component definition. `name` is kfp's component name (`Train model` for `train_model`), from
 * which task names are derived.
 */
export interface ComponentNode {
  readonly kind: 'component';
  readonly name: string;
  readonly interface: InterfaceNode;
  readonly implementation: Implementation;
  /** A loaded component's own description (a v1 file's `description:`): kfp writes it in the
   * header comment when the component is compiled alone, and nowhere in the IR. */
  readonly description?: string;
}

export interface TaskNode {
  readonly kind: 'task';
  /** Builder id (`b1t1`, `b1t2`, …) in creation order; references use it, names are assigned later. */
  readonly id: string;
  readonly seq: number;
  readonly component: ComponentNode;
  readonly args: Readonly<Record<string, ArgNode>>;
  readonly after: readonly string[];
  readonly config: TaskConfig;
}

export interface ConditionGroupNode {
  readonly kind: 'conditionGroup';
  /** kfp's group counter value: the group is named `condition-<seq>`. */
  readonly seq: number;
  readonly conditions: readonly ConditionNode[];
  readonly displayName?: string;
  /** The Else branch of an If/Elif/Else chain (kfp's `dsl.Else`). */
  readonly isElse?: boolean;
  readonly children: readonly DagNode[];
}

/** The wrapper kfp inserts around an If/Elif/Else chain (`condition-branches-<seq>`). */
export interface ConditionBranchesNode {
  readonly kind: 'conditionBranches';
  readonly seq: number;
  // kfp leaves the wrapper as the current group after an If/Elif chain with no Else, so later
  // siblings can land in it too: children are not only condition groups.
  readonly children: readonly DagNode[];
}

export type LoopItems =
  | { readonly kind: 'raw'; readonly values: readonly unknown[] }
  | { readonly kind: 'channel'; readonly channel: ChannelNode };

export interface ParallelForNode {
  readonly kind: 'parallelFor';
  readonly seq: number;
  /** For literal items: the number in the item's name, `loop-item-param-<itemCode>`. */
  readonly itemCode?: number;
  readonly items: LoopItems;
  /** The channel the body received for the current item (kfp's loop argument). */
  readonly item: ChannelNode;
  readonly parallelism: number;
  readonly displayName?: string;
  readonly children: readonly DagNode[];
}

export interface ExitHandlerNode {
  readonly kind: 'exitHandler';
  readonly seq: number;
  readonly exitTask: TaskNode;
  readonly displayName?: string;
  readonly children: readonly DagNode[];
}

export type GroupNode = ConditionGroupNode | ConditionBranchesNode | ParallelForNode | ExitHandlerNode;
export type DagNode = TaskNode | GroupNode;

/** A problem found while running a pipeline body (the builder never throws for these). */
export interface BuildProblem {
  readonly code: DiagnosticCode;
  /** Where, below the pipeline (below the task when `task` is set): the compiler puts their names first. */
  readonly path: readonly string[];
  readonly message: string;
  /** The builder id of the task it is about. */
  readonly task?: string;
  /**
   * The JavaScript stack of an error the body threw (`dsl/body-threw`): the CLI maps it through
   * the bundle's source map to the user's file, line and column. Never part of the message.
   */
  readonly stack?: string;
}

/** The frozen result of running a pipeline body: what the compiler compiles. */
export interface PipelineNode {
  readonly kind: 'pipeline';
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly pipelineRoot?: string;
  readonly interface: InterfaceNode;
  readonly children: readonly DagNode[];
  readonly outputs: Readonly<Record<string, ChannelNode>>;
  /**
   * Made by `pipelineOfComponent`: kfp compiles a single component with the component's own
   * interface as the root's, descriptions from a Python docstring included.
   */
  readonly ofComponent?: true;
  /** kfp's `dsl.PipelineConfig` (kfp-kubernetes pipeline-level settings), as `kubernetes.pipelineConfig()` gave it. */
  readonly pipelineConfig?: PipelineConfigOptions;
  readonly problems: readonly BuildProblem[];
}
