/**
 * Referential integrity of a PipelineSpec: every name that points somewhere must find its target,
 * as the KFP driver resolves it at run time (backend/src/v2/driver/resolve.go): task references
 * are looked up among the sibling tasks of the same DAG, component inputs among the inputs of the
 * component whose DAG holds the task.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ValidateCode } from './codes.ts';
import type { ParameterSelectorSpec } from '../ir/index.ts';
import { joinPath } from './ir-access.ts';
import type { ComponentInfo, IrIndex, TaskInfo } from './ir-index.ts';

type Emit = (code: ValidateCode, path: string, message: string) => void;

/** A task output named by a task input (producerTask) or a DAG output selector (producerSubtask). */
interface OutputReference {
  readonly producer: string | undefined;
  readonly key: string | undefined;
  readonly kind: 'parameter' | 'artifact';
}

function parameterSelector(selector: ParameterSelectorSpec): OutputReference {
  return { producer: selector.producerSubtask, key: selector.outputParameterKey, kind: 'parameter' };
}

function known(names: Iterable<string>): string {
  const list = [...names];
  return list.length === 0 ? 'there are none' : `known: ${list.map((n) => `"${n}"`).join(', ')}`;
}

export function checkReferences(index: IrIndex, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit: Emit = (code, path, message) => out.push(diagnostic(code, path, message, file));
  for (const component of [...(index.root ? [index.root] : []), ...index.components.values()]) {
    checkExecutorLabel(index, component, emit);
    checkDagOutputs(index, component, emit);
  }
  for (const task of index.tasks) checkTask(index, task, emit);
  return out;
}

function checkExecutorLabel(index: IrIndex, component: ComponentInfo, emit: Emit): void {
  const label = component.executorLabel;
  if (label === undefined || index.executors.has(label)) return;
  emit(
    'ref/executor',
    joinPath(component.path, 'executorLabel'),
    `executorLabel "${label}" names no executor in deploymentSpec.executors (${known(index.executors)}); ` +
      'add the executor or fix the label.',
  );
}

function checkTask(index: IrIndex, task: TaskInfo, emit: Emit): void {
  const { spec, parent, path } = task;
  const siblings = parent.tasks;

  // componentRef
  if (task.componentName === undefined) {
    emit('ref/component', joinPath(path, 'componentRef', 'name'), `Task "${task.name}" has no componentRef.name: name the component it runs.`);
  } else if (!index.components.has(task.componentName)) {
    emit(
      'ref/component',
      joinPath(path, 'componentRef', 'name'),
      `componentRef "${task.componentName}" names no component (${known(index.components.keys())}); add the component or fix the name.`,
    );
  }

  // dependentTasks
  (spec.dependentTasks ?? []).forEach((dependency, i) => {
    if (!siblings.has(dependency)) {
      emit(
        'ref/dependent-task',
        joinPath(path, 'dependentTasks', i),
        `dependentTasks names "${dependency}", which is not a task of the same DAG (${known(siblings.keys())}).`,
      );
    }
  });

  for (const [name, input] of Object.entries(spec.inputs?.parameters ?? {})) {
    const at = joinPath(path, 'inputs', 'parameters', name);
    if (input.taskOutputParameter !== undefined) {
      const { producerTask, outputParameterKey } = input.taskOutputParameter;
      checkProducer(index, task, joinPath(at, 'taskOutputParameter'), { producer: producerTask, key: outputParameterKey, kind: 'parameter' }, emit);
    }
    const finalProducer = input.taskFinalStatus?.producerTask;
    if (finalProducer !== undefined && !siblings.has(finalProducer)) {
      emit(
        'ref/producer-task',
        joinPath(at, 'taskFinalStatus', 'producerTask'),
        `producerTask "${finalProducer}" is not a task of the same DAG (${known(siblings.keys())}).`,
      );
    }
    const fromInput = input.componentInputParameter;
    if (fromInput !== undefined && !parent.inputParameters.has(fromInput)) {
      emit(
        'ref/component-input',
        joinPath(at, 'componentInputParameter'),
        `componentInputParameter "${fromInput}" is not an input parameter of the enclosing component ` +
          `${parent.name} (${known(parent.inputParameters)}); declare it in its inputDefinitions or fix the name.`,
      );
    }
  }
  for (const [name, input] of Object.entries(spec.inputs?.artifacts ?? {})) {
    const at = joinPath(path, 'inputs', 'artifacts', name);
    if (input.taskOutputArtifact !== undefined) {
      const { producerTask, outputArtifactKey } = input.taskOutputArtifact;
      checkProducer(index, task, joinPath(at, 'taskOutputArtifact'), { producer: producerTask, key: outputArtifactKey, kind: 'artifact' }, emit);
    }
    const fromInput = input.componentInputArtifact;
    if (fromInput !== undefined && !parent.inputArtifacts.has(fromInput)) {
      emit(
        'ref/component-input',
        joinPath(at, 'componentInputArtifact'),
        `componentInputArtifact "${fromInput}" is not an input artifact of the enclosing component ` +
          `${parent.name} (${known(parent.inputArtifacts)}); declare it in its inputDefinitions or fix the name.`,
      );
    }
  }

  checkCondition(task, emit);
  checkIterators(task, emit);
}

function checkProducer(
  index: IrIndex,
  task: TaskInfo,
  at: string,
  { producer, key, kind }: OutputReference,
  emit: Emit,
): void {
  if (producer === undefined) return;
  const producerTask = index.task(task.parent, producer);
  if (producerTask === undefined) {
    emit(
      'ref/producer-task',
      joinPath(at, 'producerTask'),
      `producerTask "${producer}" is not a task of the same DAG as "${task.name}" (${known(task.parent.tasks.keys())}).`,
    );
    return;
  }
  const component = index.componentOf(producerTask);
  if (key === undefined || component === undefined) return;
  const outputs = kind === 'parameter' ? component.outputParameters : component.outputArtifacts;
  if (!outputs.has(key)) {
    emit(
      'ref/output-key',
      joinPath(at, kind === 'parameter' ? 'outputParameterKey' : 'outputArtifactKey'),
      `Task "${producer}" runs ${component.name}, which declares no output ${kind} "${key}" (${known(outputs)}).`,
    );
  }
}

const CONDITION_REFERENCE = /inputs\s*\.\s*(parameter_values|artifacts)\s*\[\s*(['"])(.*?)\2\s*\]/g;

/**
 * The driver evaluates triggerPolicy.condition (CEL) against the task's own executor input, so
 * `inputs.parameter_values['x']` and `inputs.artifacts['x']` can only read the task's inputs.
 */
function checkCondition(task: TaskInfo, emit: Emit): void {
  const condition = task.spec.triggerPolicy?.condition;
  if (condition === undefined) return;
  const parameters = new Set(Object.keys(task.spec.inputs?.parameters ?? {}));
  const artifacts = new Set(Object.keys(task.spec.inputs?.artifacts ?? {}));
  for (const match of condition.matchAll(CONDITION_REFERENCE)) {
    // Stryker disable next-line StringLiteral: the name group always takes part in a match, so the default is never used
    const [, kind, , name = ''] = match;
    const available = kind === 'parameter_values' ? parameters : artifacts;
    if (!available.has(name)) {
      emit(
        'ref/condition-input',
        joinPath(task.path, 'triggerPolicy', 'condition'),
        `The condition reads inputs.${kind}['${name}'], but task "${task.name}" has no such input ` +
          `${kind === 'parameter_values' ? 'parameter' : 'artifact'} (${known(available)}); pass it to the task in inputs.`,
      );
    }
  }
}

function checkIterators(task: TaskInfo, emit: Emit): void {
  const inputParameter = task.spec.parameterIterator?.items?.inputParameter;
  const parameters = new Set(Object.keys(task.spec.inputs?.parameters ?? {}));
  if (inputParameter !== undefined && !parameters.has(inputParameter)) {
    emit(
      'ref/iterator-input',
      joinPath(task.path, 'parameterIterator', 'items', 'inputParameter'),
      `parameterIterator iterates over "${inputParameter}", which is not an input parameter of task "${task.name}" (${known(parameters)}).`,
    );
  }
  const inputArtifact = task.spec.artifactIterator?.items?.inputArtifact;
  const artifacts = new Set(Object.keys(task.spec.inputs?.artifacts ?? {}));
  if (inputArtifact !== undefined && !artifacts.has(inputArtifact)) {
    emit(
      'ref/iterator-input',
      joinPath(task.path, 'artifactIterator', 'items', 'inputArtifact'),
      `artifactIterator iterates over "${inputArtifact}", which is not an input artifact of task "${task.name}" (${known(artifacts)}).`,
    );
  }
}

/** dag.outputs select outputs of the DAG's own subtasks. */
function checkDagOutputs(index: IrIndex, component: ComponentInfo, emit: Emit): void {
  const outputs = component.dag?.outputs;
  const base = joinPath(component.path, 'dag', 'outputs');
  const check = (at: string, { producer, key, kind }: OutputReference): void => {
    if (producer === undefined) return;
    const subtask = index.task(component, producer);
    if (subtask === undefined) {
      emit(
        'ref/dag-output-producer',
        joinPath(at, 'producerSubtask'),
        `producerSubtask "${producer}" is not a task of this DAG (${known(component.tasks.keys())}).`,
      );
      return;
    }
    const producerComponent = index.componentOf(subtask);
    if (key === undefined || producerComponent === undefined) return;
    const declared = kind === 'parameter' ? producerComponent.outputParameters : producerComponent.outputArtifacts;
    if (!declared.has(key)) {
      emit(
        'ref/dag-output-key',
        joinPath(at, kind === 'parameter' ? 'outputParameterKey' : 'outputArtifactKey'),
        `Subtask "${producer}" runs ${producerComponent.name}, which declares no output ${kind} "${key}" (${known(declared)}).`,
      );
    }
  };
  for (const [name, output] of Object.entries(outputs?.parameters ?? {})) {
    const at = joinPath(base, 'parameters', name);
    const fromParameter = output.valueFromParameter;
    if (fromParameter !== undefined) check(joinPath(at, 'valueFromParameter'), parameterSelector(fromParameter));
    (output.valueFromOneof?.parameterSelectors ?? []).forEach((selector, i) =>
      check(joinPath(at, 'valueFromOneof', 'parameterSelectors', i), parameterSelector(selector)),
    );
  }
  for (const [name, output] of Object.entries(outputs?.artifacts ?? {})) {
    (output.artifactSelectors ?? []).forEach((selector, i) =>
      check(joinPath(base, 'artifacts', name, 'artifactSelectors', i), {
        producer: selector.producerSubtask,
        key: selector.outputArtifactKey,
        kind: 'artifact',
      }),
    );
  }
}
