import type { DiagnosticCode } from '../diagnostics.ts';
import type { ChannelNode } from './channels.ts';
import type { InterfaceNode } from './component-node.ts';
import type { DagNode } from './task-node.ts';

/** A problem found while running a pipeline body (the builder never throws for these). */
export interface BuildProblem {
  readonly code: DiagnosticCode;
  /** Where, below the pipeline (below the task when `task` is set): the compiler puts their names first. */
  readonly path: readonly string[];
  readonly message: string;
  /** The builder id of the task it is about. */
  readonly task?: string;
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
  /** kfp-kubernetes pipeline-level config (PipelineConfig), camelCase JSON. */
  readonly pipelineConfig?: Readonly<Record<string, unknown>>;
  readonly problems: readonly BuildProblem[];
}
