/**
 * References from the platform spec (`platforms.kubernetes.deploymentSpec.executors`) into the
 * PipelineSpec. The driver applies a Kubernetes executor config to every task whose component runs
 * that executor, and resolves its task-output and component-input parameters (PVC names, secret
 * names, ...) in that task's DAG, exactly like the task's own inputs.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ValidateCode } from './codes.ts';
import { field, isObject, joinPath, mapEntries, stringField } from './ir-access.ts';
import type { IrIndex, TaskInfo } from './ir-index.ts';

type Emit = (code: ValidateCode, path: string, message: string) => void;

interface ParameterReference {
  readonly path: string;
  readonly producerTask?: string;
  readonly outputParameterKey?: string;
  readonly componentInputParameter?: string;
}

/**
 * Every task-output / component-input reference inside one executor config. They appear in
 * `*Parameter`/`*Json` fields (TaskInputsSpec.InputParameterSpec) and directly in `pvcMount`;
 * `runtimeValue` subtrees are constants (user data) and are not searched.
 */
function parameterReferences(config: unknown, path: string, out: ParameterReference[] = []): ParameterReference[] {
  if (Array.isArray(config)) {
    config.forEach((item, i) => parameterReferences(item, joinPath(path, i), out));
    return out;
  }
  if (!isObject(config)) return out;
  const fromTask = field(config, 'taskOutputParameter', 'task_output_parameter');
  if (isObject(fromTask)) {
    const producerTask = stringField(fromTask, 'producerTask', 'producer_task');
    const outputParameterKey = stringField(fromTask, 'outputParameterKey', 'output_parameter_key');
    out.push({
      path: joinPath(path, 'taskOutputParameter'),
      ...(producerTask !== undefined ? { producerTask } : {}),
      ...(outputParameterKey !== undefined ? { outputParameterKey } : {}),
    });
  }
  const fromInput = stringField(config, 'componentInputParameter', 'component_input_parameter');
  if (fromInput !== undefined) out.push({ path: joinPath(path, 'componentInputParameter'), componentInputParameter: fromInput });
  for (const [key, value] of Object.entries(config)) {
    if (['taskOutputParameter', 'task_output_parameter', 'runtimeValue', 'runtime_value'].includes(key)) continue;
    if (typeof value === 'object' && value !== null) parameterReferences(value, joinPath(path, key), out);
  }
  return out;
}

export function checkPlatformReferences(index: IrIndex, platformSpec: unknown, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit: Emit = (code, path, message) => out.push(diagnostic(code, path, message, file));
  const kubernetes = field(field(platformSpec, 'platforms'), 'kubernetes');
  const executors = field(field(kubernetes, 'deploymentSpec', 'deployment_spec'), 'executors');
  const base = 'platforms/kubernetes/deploymentSpec/executors';
  for (const [executor, config] of mapEntries(executors)) {
    const at = joinPath(base, executor);
    if (!index.executors.has(executor)) {
      emit(
        'platform/executor',
        at,
        `The Kubernetes config is for executor "${executor}", which deploymentSpec.executors does not have ` +
          `(${[...index.executors].map((e) => `"${e}"`).join(', ') || 'none'}); use the executorLabel of the component it configures.`,
      );
      continue;
    }
    const users = index.tasks.filter((t) => index.componentOf(t)?.executorLabel === executor);
    for (const reference of parameterReferences(config, at)) {
      for (const task of users) checkReference(index, task, reference, emit);
    }
  }
  return out;
}

function checkReference(index: IrIndex, task: TaskInfo, reference: ParameterReference, emit: Emit): void {
  const { parent } = task;
  if (reference.componentInputParameter !== undefined && !parent.inputParameters.has(reference.componentInputParameter)) {
    emit(
      'platform/component-input',
      reference.path,
      `componentInputParameter "${reference.componentInputParameter}" is not an input parameter of ${parent.name}, ` +
        `the component whose DAG runs task "${task.name}" with this executor; pass it into that component or fix the name.`,
    );
  }
  const producer = reference.producerTask;
  if (producer === undefined) return;
  if (!parent.tasks.has(producer)) {
    emit(
      'platform/producer-task',
      joinPath(reference.path, 'producerTask'),
      `producerTask "${producer}" is not a task of the DAG that runs task "${task.name}" with this executor ` +
        `(tasks: ${[...parent.tasks.keys()].map((t) => `"${t}"`).join(', ')}).`,
    );
    return;
  }
  const component = index.componentOf(index.task(parent, producer));
  const key = reference.outputParameterKey;
  if (component !== undefined && key !== undefined && !component.outputParameters.has(key)) {
    emit(
      'platform/output-key',
      joinPath(reference.path, 'outputParameterKey'),
      `Task "${producer}" runs ${component.name}, which declares no output parameter "${key}".`,
    );
  }
}
