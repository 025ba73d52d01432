/** What every part of one run shares: the IR, the run's identity and directories, limits and hooks. */
import type { Diagnostic } from '../diagnostics.ts';
import type { KubernetesExecutorConfig, PipelineSpec } from '../ir/index.ts';
import type { CacheStore } from './cache-store.ts';
import type { ContainerEngine } from './container-engine.ts';
import type { TaskNode } from './dag-state.ts';
import type { RunPlaceholders } from './input-resolution.ts';
import type { Semaphore } from './semaphore.ts';
import type { PythonEnvironment, VenvManager } from './venv-manager.ts';

export interface EngineContext {
  readonly spec: PipelineSpec;
  readonly kubernetes: (executorLabel: string) => KubernetesExecutorConfig | undefined;
  readonly runId: string;
  readonly runName: string;
  readonly pipelineName: string;
  readonly runDir: string;
  readonly pipelineRoot: string;
  readonly placeholders: RunPlaceholders;
  /** Task processes running at once (`--parallelism`). */
  readonly slots: Semaphore;
  /** `--venv` / `--python`: every Python task uses it; otherwise venvs per package set. */
  readonly pythonEnvironment?: PythonEnvironment;
  readonly venvs: VenvManager;
  /** Undefined when caching is disabled for the run. */
  readonly cache?: CacheStore;
  readonly secrets: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly baseEnv: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly containerEngine?: ContainerEngine;
  /** Records a node the first time and reports every state change. */
  readonly changed: (node: TaskNode) => void;
  readonly warn: (diagnostic: Diagnostic) => void;
  readonly nextExecutionId: () => number;
}
