import { artifactChannel, parameterChannel, type ArtifactChannel, type ChannelNode, type ParameterChannel } from './channels.ts';
import { componentNodeOf, type Runnable } from './graph-component.ts';
import type { ConditionNode } from './conditions.ts';
import { negated } from './conditions.ts';
import { importerCall, type ImporterOptions, type ImporterOutputs } from './importer.ts';
import { firstElementTypeName, loopItemTypeName, parameterTypeOfName } from './kfp-type-names.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import type { ArgNode } from './task-config.ts';
import type { ConditionGroupNode, DagNode, LoopItems, TaskNode } from './nodes.ts';
import { taskHandle, type TaskHandle } from './task-handle.ts';
import type { ArgsOf, StringTemplate } from './typing.ts';
import type { BuildProblem } from './nodes.ts';
import type { LoopItemValue, OutOfLoop } from './loop-levels.ts';
import { checkBody, checkChannels, checkCondition, checkImporterOptions, checkLoopItems, checkLoopOptions, checkRunnable, checkTaskArgs, checkTaskHandles, taskLabel } from './call-guards.ts';
import { requireOptionalString } from './value-guards.ts';

/** An output's IR type, for comparing the branches of a oneOf(). */
function typeKey(c: ChannelNode): string {
  return c.kind === 'artifactChannel' ? `${c.artifactType.schemaTitle}${c.isList ? '[]' : ''}` : c.parameterType;
}

/** A group under construction; frozen into a node when the pipeline body returns. */
interface Container {
  readonly kind: 'root' | 'conditionGroup' | 'conditionBranches' | 'parallelFor' | 'exitHandler';
  seq: number;
  readonly entries: Entry[];
  readonly make: (children: readonly DagNode[]) => DagNode | undefined;
  /** For condition groups: the negations the next Elif/Else starts from. */
  readonly negatedUpstream?: readonly ConditionNode[];
}

type Entry = { readonly kind: 'task'; readonly id: string } | { readonly kind: 'group'; readonly container: Container };

/** State shared by every scope of one pipeline body. */
// Distinguishes the builds of different pipelines in one process, so a task handle carried from
// one pipeline's body into another is reported as a dangling reference, never mistaken for a
// local task. Only references use ids; names and output bytes never depend on it.
let buildCount = 0;

export class BuildState {
  readonly buildId = ++buildCount;
  private taskSeq = 0;
  private groupSeq = 0;
  readonly tasks = new Map<string, TaskNode>();
  readonly problems: BuildProblem[] = [];

  nextTaskSeq(): number {
    return ++this.taskSeq;
  }
  private oneOfSeq = 0;
  nextOneOfSeq(): number {
    return ++this.oneOfSeq;
  }
  nextGroupSeq(): number {
    return ++this.groupSeq;
  }
  current(id: string): TaskNode {
    const node = this.tasks.get(id);
    if (!node) throw new Error(`unknown task ${id}`);
    return node;
  }
  update(node: TaskNode): void {
    // The tree is frozen when the body returns: a setting made after that could only be lost.
    if (this.closed)
      throw new Error(`task '${node.component.name}' was configured after its pipeline was built; configure tasks inside the pipeline body`);
    this.tasks.set(node.id, node);
  }
  private closed = false;
  /** Called once the tree is frozen: later configuring calls are refused. */
  close(): void {
    this.closed = true;
  }

  freeze(container: Container): DagNode[] {
    const out: DagNode[] = [];
    for (const e of container.entries) {
      if (e.kind === 'task') {
        out.push(this.tasks.get(e.id)!);
      } else {
        const node = e.container.make(Object.freeze(this.freeze(e.container)));
        if (node) out.push(Object.freeze(node));
      }
    }
    return out;
  }
}

export function rootContainer(): Container {
  return { kind: 'root', seq: 0, entries: [], make: () => undefined };
}

/** The chain returned by `scope.if(...)`: add `elif` and `else` branches. */
export interface ConditionChain {
  /** kfp's `dsl.Elif`: runs when this condition holds and no earlier branch of the chain did. */
  elif(condition: ConditionNode, body: (scope: Scope) => void, displayName?: string): ConditionChain;
  /** kfp's `dsl.Else`: runs when no branch of the chain did. */
  else(body: (scope: Scope) => void, displayName?: string): void;
}

/**
 * What a pipeline body receives to add tasks and groups. There is no global pipeline: each
 * nested group hands its body a scope of its own.
 */
export interface Scope {
  /**
   * Adds a task that runs `component` with typed arguments.
   * A pipeline can run as a task too (kfp's pipeline-as-component): its declared inputs are the
   * arguments, its declared outputs the task's outputs.
   * @example const train = s.task(trainModel, { training_data: data.outputs.output_data });
   */
  task<I extends InputDecls, O extends OutputDecls>(component: Runnable<I, O>, args: ArgsOf<I>): TaskHandle<O>;
  /** kfp's `dsl.If`: the body's tasks run only when the condition holds. */
  if(condition: ConditionNode, body: (scope: Scope) => void, displayName?: string): ConditionChain;
  /**
   * kfp's `dsl.ParallelFor` over a list of artifacts: the body runs once per artifact. Returns
   * what the body returns (e.g. a task, whose outputs `collected()` gathers), its outputs typed
   * one loop level deeper.
   */
  parallelFor<T extends string, R = void>(
    items: ArtifactChannel<T, true>,
    body: (item: ArtifactChannel<T, false>, scope: Scope) => R,
    options?: { readonly parallelism?: number; readonly displayName?: string },
  ): OutOfLoop<R>;
  /**
   * kfp's `dsl.ParallelFor` over a literal list or a LIST channel. Returns what the body returns,
   * its outputs typed one loop level deeper (so `collected()` of a task in two loops is a list of
   * lists). The item has the list's element type; an item of a list whose element type is not
   * known goes into any parameter input, as in kfp.
   * @example const doubled = s.parallelFor([1, 2, 3], (n, s) => s.task(double, { number: n }));
   */
  parallelFor<T, R = void>(
    items: readonly T[] | ParameterChannel<readonly T[]>,
    body: (item: ParameterChannel<LoopItemValue<T>>, scope: Scope) => R,
    options?: { readonly parallelism?: number; readonly displayName?: string },
  ): OutOfLoop<R>;
  /**
   * kfp's `dsl.ExitHandler`: `exitTask` runs after the body's tasks, whatever their outcome.
   * Returns what the body returns. Create `exitTask` in this scope just before the call. As in
   * kfp, a handler belongs at the top level of a pipeline body (not inside a condition, a loop or
   * another handler); to guard tasks inside one, run a pipeline that has the handler as a task.
   * @example const cleanup = s.task(notify, { message: 'done' }); s.exitHandler(cleanup, (s) => void s.task(train, {}));
   */
  exitHandler<R = void>(exitTask: TaskHandle<OutputDecls>, body: (scope: Scope) => R, displayName?: string): R;
  /**
   * kfp's `dsl.importer`: a task that registers an existing artifact (by URI) so tasks can take it.
   * @example const data = s.importer({ artifactUri: 'gs://bucket/train.csv', artifactType: Dataset });
   */
  importer<T extends string>(options: ImporterOptions<T>): TaskHandle<ImporterOutputs<T>>;
  /**
   * kfp's `dsl.OneOf`: the output of whichever branch of an If/Elif/Else chain ran. Give one
   * output per branch (the chain needs an Else); all parameters or all artifacts.
   * @example const label = s.oneOf(a.outputs.Output, b.outputs.Output);
   */
  oneOf<T>(...outputs: readonly [ParameterChannel<T>, ...ParameterChannel<T>[]]): ParameterChannel<T>;
  /** kfp's `dsl.OneOf` over artifacts: the artifact of whichever branch ran, all of one type. */
  oneOf<T extends string>(...outputs: readonly [ArtifactChannel<T, false>, ...ArtifactChannel<NoInfer<T>, false>[]]): ArtifactChannel<T, false>;
}

class ScopeImpl implements Scope {
  constructor(
    private readonly state: BuildState,
    private container: Container,
  ) {}

  private add(entry: Entry): void {
    this.container.entries.push(entry);
  }

  private openGroup<R>(container: Container, body: (scope: Scope) => R): R {
    this.add({ kind: 'group', container });
    return body(new ScopeImpl(this.state, container));
  }

  task<I extends InputDecls, O extends OutputDecls>(component: Runnable<I, O>, args: ArgsOf<I>): TaskHandle<O> {
    checkRunnable(component);
    const componentNode = componentNodeOf(component as Runnable<InputDecls, OutputDecls>);
    const checkedArgs = checkTaskArgs(args, taskLabel(componentNode));
    const seq = this.state.nextTaskSeq();
    const node: TaskNode = Object.freeze({
      kind: 'task',
      id: `b${this.state.buildId}t${seq}`,
      seq,
      component: componentNode,
      args: Object.freeze(checkedArgs as Record<string, ArgNode>),
      after: Object.freeze([]),
      config: Object.freeze({}),
    });
    this.state.update(node);
    this.add({ kind: 'task', id: node.id });
    return taskHandle<O>(node, this.state);
  }

  if(condition: ConditionNode, body: (scope: Scope) => void, displayName?: string): ConditionChain {
    checkBranch(condition, body, displayName, 'if');
    const parent = this;
    const outer = this.container;
    const group = this.conditionContainer([condition], [negated(condition)], displayName);
    this.openGroup(group, body);
    let last: Container = group;
    let wrapper: Container | undefined;

    // kfp wraps an If/Elif/Else chain in a `condition-branches` group when the second branch
    // opens, and swaps the two group numbers so the wrapper keeps the If's number.
    const ensureWrapper = (): Container => {
      if (wrapper) return wrapper;
      const w: Container = {
        kind: 'conditionBranches',
        seq: this.state.nextGroupSeq(),
        entries: [],
        make: (children) => ({ kind: 'conditionBranches', seq: w.seq, children }),
      };
      [w.seq, group.seq] = [group.seq, w.seq];
      const entries = outer.entries;
      const idx = entries.findIndex((e) => e.kind === 'group' && e.container === group);
      entries.splice(idx, 1, { kind: 'group', container: w });
      w.entries.push({ kind: 'group', container: group });
      wrapper = w;
      // kfp keeps the wrapper as the current group until an Else closes it.
      parent.container = w;
      return w;
    };

    const chain: ConditionChain = {
      elif(c, elifBody, elifDisplayName) {
        checkBranch(c, elifBody, elifDisplayName, 'elif');
        const w = ensureWrapper();
        const upstream = last.negatedUpstream ?? [];
        const g = parent.conditionContainer([...upstream, c], [...upstream, negated(c)], elifDisplayName);
        w.entries.push({ kind: 'group', container: g });
        elifBody(new ScopeImpl(parent.state, g));
        last = g;
        return chain;
      },
      else(elseBody, elseDisplayName) {
        checkBody(elseBody, 'else');
        requireOptionalString(elseDisplayName, 'else', "else()'s display name");
        const w = ensureWrapper();
        const upstream = last.negatedUpstream ?? [];
        const g = parent.conditionContainer([...upstream], upstream, elseDisplayName, true);
        w.entries.push({ kind: 'group', container: g });
        elseBody(new ScopeImpl(parent.state, g));
        parent.container = outer;
      },
    };
    return chain;
  }

  private conditionContainer(
    conditions: readonly ConditionNode[],
    negatedUpstream: readonly ConditionNode[],
    displayName: string | undefined,
    isElse = false,
  ): Container {
    const c: Container = {
      kind: 'conditionGroup',
      seq: this.state.nextGroupSeq(),
      entries: [],
      negatedUpstream,
      make: (children): ConditionGroupNode => ({
        kind: 'conditionGroup',
        seq: c.seq,
        conditions: Object.freeze([...conditions]),
        ...(displayName ? { displayName } : {}),
        ...(isElse ? { isElse } : {}),
        children,
      }),
    };
    return c;
  }

  parallelFor<T, R>(
    items: readonly T[] | ParameterChannel<readonly T[]> | ArtifactChannel<string, true>,
    body: (item: never, scope: Scope) => R,
    givenOptions: { readonly parallelism?: number; readonly displayName?: string } = {},
  ): OutOfLoop<R> {
    const checkedItems = checkLoopItems(items);
    checkBody(body, 'parallelFor');
    const options = checkLoopOptions(givenOptions);
    items = checkedItems as typeof items;
    const raw = Array.isArray(items);
    // kfp names literal items `loop-item-param-<n>` from the group counter, taking a number
    // before the group takes its own.
    const itemCode = raw ? this.state.nextGroupSeq() : undefined;
    const seq = this.state.nextGroupSeq();
    const loopItems: LoopItems = raw
      ? { kind: 'raw', values: Object.freeze([...(items as readonly unknown[])]) }
      : { kind: 'channel', channel: items as ParameterChannel | ArtifactChannel<string, true> };
    const parallelism = options.parallelism ?? 0;
    if (raw && (items as readonly unknown[]).length === 0)
      this.state.problems.push({ code: 'dsl/empty-loop', path: [`for-loop-${seq}`], message: 'parallelFor got an empty list of items; kfp needs at least one' });
    if (!Number.isInteger(parallelism) || parallelism < 0)
      this.state.problems.push({ code: 'dsl/invalid-parallelism', path: [`for-loop-${seq}`], message: `parallelism must be a whole number >= 0 (0: unlimited); got ${parallelism}` });
    // The item's type, as kfp derives it: from the first literal item, or from the list's type text.
    const typeName = raw
      ? firstElementTypeName(items as readonly unknown[])
      : (loopItemTypeName((items as ParameterChannel).typeName) ?? 'String');
    const itemSource = { kind: 'loopItem', loopId: seq } as const;
    const item: ChannelNode =
      !raw && (items as ChannelNode).kind === 'artifactChannel'
        ? artifactChannel(itemSource, (items as ArtifactChannel<string, true>).artifactType, false)
        : parameterChannel<T>(itemSource, parameterTypeOfName(typeName) ?? 'STRING', typeName);
    const container: Container = {
      kind: 'parallelFor',
      seq,
      entries: [],
      make: (children) => ({
        kind: 'parallelFor',
        seq,
        ...(itemCode !== undefined ? { itemCode } : {}),
        items: loopItems,
        item,
        parallelism,
        ...(options.displayName ? { displayName: options.displayName } : {}),
        children,
      }),
    };
    this.add({ kind: 'group', container });
    // The loop levels exist only in the types.
    return body(item as never, new ScopeImpl(this.state, container)) as OutOfLoop<R>;
  }

  oneOf(...outputs: readonly ChannelNode[]): never {
    checkChannels(outputs, 'oneOf');
    const first = outputs[0];
    const seq = this.state.nextOneOfSeq();
    const bad = (message: string) => this.state.problems.push({ code: 'dsl/invalid-one-of', path: [`oneOf #${seq}`], message });
    if (!first) bad('oneOf() needs the outputs of the branches');
    else if (outputs.some((o) => o.kind !== first.kind)) bad('oneOf() takes all parameters or all artifacts, not a mix');
    else if (outputs.some((o) => o.source.kind !== 'taskOutput')) bad('oneOf() takes outputs of tasks inside the branches (not collected() or oneOf() values)');
    else if (outputs.some((o) => typeKey(o) !== typeKey(first)))
      // kfp: "Task outputs passed to dsl.OneOf must be the same type."
      bad(`oneOf() takes outputs of one type; got ${[...new Set(outputs.map(typeKey))].join(' and ')}: give every branch a task with the same output type`);
    else if (first.kind === 'parameterChannel' && outputs.some((o) => o.kind === 'parameterChannel' && o.parameterType !== first.parameterType))
      bad(`oneOf() takes outputs of one type, as kfp requires; got ${[...new Set(outputs.map((o) => (o.kind === 'parameterChannel' ? o.parameterType : '')))].join(' and ')}`);
    const source = { kind: 'oneOf', seq, channels: Object.freeze([...outputs]) } as const;
    return (
      first?.kind === 'artifactChannel' ? artifactChannel(source, first.artifactType, false) : parameterChannel(source, first?.parameterType ?? 'STRING', first?.typeName)
    ) as never;
  }

  importer<T extends string>(options: ImporterOptions<T>): TaskHandle<ImporterOutputs<T>> {
    const { component, args } = importerCall(checkImporterOptions(options) as unknown as ImporterOptions<T>);
    return this.task(component, args as never);
  }

  exitHandler<R>(exitTask: TaskHandle<OutputDecls>, body: (scope: Scope) => R, displayName?: string): R {
    checkTaskHandles([exitTask], 'exitHandler', 'exitHandler');
    checkBody(body, 'exitHandler');
    requireOptionalString(displayName, 'exitHandler', "exitHandler()'s display name");
    const seq = this.state.nextGroupSeq();
    // The exit task was added where it was created; it belongs to the handler instead.
    this.removeEntry(exitTask.id);
    const state = this.state;
    const container: Container = {
      kind: 'exitHandler',
      seq,
      entries: [],
      make: (children) => ({
        kind: 'exitHandler',
        seq,
        exitTask: state.tasks.get(exitTask.id)!,
        ...(displayName ? { displayName } : {}),
        children,
      }),
    };
    return this.openGroup(container, body);
  }

  private removeEntry(taskId: string): void {
    const entries = this.container.entries;
    const idx = entries.findIndex((e) => e.kind === 'task' && e.id === taskId);
    if (idx >= 0) entries.splice(idx, 1);
    else
      this.state.problems.push({
        code: 'dsl/exit-task-scope',
        path: [],
        task: taskId,
        message: 'the exit task of an exit handler must be created in the same scope as the handler, just before it',
      });
  }
}

function checkBranch(condition: unknown, body: unknown, displayName: unknown, call: string): void {
  checkCondition(condition, call);
  checkBody(body, call);
  requireOptionalString(displayName, call, `${call}()'s display name`);
}

export function rootScope(state: BuildState, root: Container): Scope {
  return new ScopeImpl(state, root);
}

