import type { ComponentSpec, ExecutorSpec, KubernetesExecutorConfig } from '../ir/index.ts';
import { uniqueName } from './unique-name.ts';

/**
 * The named parts of the documents being written: components, executors, and the kfp-kubernetes
 * configs of executors. Owned by the DAG lowering of one compile, which adds the fragments the
 * passes return. Names are allocated in kfp's order (`comp-x`, then `comp-x-2`, …): a group's
 * component is named when its task is lowered and defined once its own DAG is.
 */
export class IrTables {
  readonly #components: Record<string, ComponentSpec> = {};
  readonly #executors: Record<string, ExecutorSpec> = {};
  readonly #platformExecutors: Record<string, KubernetesExecutorConfig> = {};
  readonly #componentNames = new Set<string>();
  readonly #executorLabels = new Set<string>();

  /** Every component name taken so far, reserved ones included. */
  get componentNames(): ReadonlySet<string> {
    return this.#componentNames;
  }
  /** Every executor label taken so far. */
  get executorLabels(): ReadonlySet<string> {
    return this.#executorLabels;
  }
  get platformExecutors(): Readonly<Record<string, KubernetesExecutorConfig>> {
    return this.#platformExecutors;
  }

  /** A free component name from `base`, taken now; `defineComponent` gives it its spec later. */
  reserveComponent(base: string): string {
    const name = uniqueName(base, this.#componentNames);
    this.#componentNames.add(name);
    return name;
  }

  defineComponent(name: string, spec: ComponentSpec): void {
    this.#componentNames.add(name);
    this.#components[name] = spec;
  }

  /** A free executor label from `base`, taken now. */
  reserveExecutor(base: string): string {
    const label = uniqueName(base, this.#executorLabels);
    this.#executorLabels.add(label);
    return label;
  }

  defineExecutor(label: string, spec: ExecutorSpec): void {
    this.#executorLabels.add(label);
    this.#executors[label] = spec;
  }

  definePlatformExecutor(label: string, config: KubernetesExecutorConfig): void {
    this.#platformExecutors[label] = config;
  }

  /** The tables as the documents hold them. */
  documents(): {
    readonly components: Readonly<Record<string, ComponentSpec>>;
    readonly executors: Readonly<Record<string, ExecutorSpec>>;
    readonly platformExecutors: Readonly<Record<string, KubernetesExecutorConfig>>;
  } {
    return { components: this.#components, executors: this.#executors, platformExecutors: this.#platformExecutors };
  }
}
