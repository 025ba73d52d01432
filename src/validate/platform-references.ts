/**
 * References from the platform spec (`platforms.kubernetes.deploymentSpec.executors`) into the
 * PipelineSpec. The driver applies a Kubernetes executor config to every task whose component runs
 * that executor, and resolves its task-output and component-input parameters (PVC names, secret
 * names, ...) in that task's DAG, exactly like the task's own inputs.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ValidateCode } from './codes.ts';
import { isJsonObject, type JsonValue, type PlatformSpec } from '../ir/index.ts';
import { joinPath } from './ir-access.ts';
import type { IrIndex, TaskInfo } from './ir-index.ts';

type Emit = (code: ValidateCode, path: string, message: string) => void;

interface ParameterReference {
  readonly path: string;
  readonly producerTask?: string;
  readonly outputParameterKey?: string;
  readonly componentInputParameter?: string;
}

/**
 * Every task-output / component-input reference inside one executor config. They appear in the
 * `*Parameter`/`*Json` fields (TaskInputsSpec.InputParameterSpec) and directly in `pvcMount` (its
 * deprecated oneof). The config is searched as JSON rather than field by field, so a field that a
 * newer kfp-kubernetes adds is checked as soon as the types are regenerated; `runtimeValue`
 * subtrees are constants (user data) and are not searched.
 */
function parameterReferences(config: JsonValue | undefined, path: string, out: ParameterReference[] = []): ParameterReference[] {
  if (Array.isArray(config)) {
    config.forEach((item: JsonValue, i: number) => parameterReferences(item, joinPath(path, i), out));
    return out;
  }
  if (!isJsonObject(config)) return out;
  const fromTask = config['taskOutputParameter'];
  if (isJsonObject(fromTask)) {
    const { producerTask, outputParameterKey } = fromTask;
    out.push({
      path: joinPath(path, 'taskOutputParameter'),
      ...(typeof producerTask === 'string' ? { producerTask } : {}),
      ...(typeof outputParameterKey === 'string' ? { outputParameterKey } : {}),
    });
  }
  const fromInput = config['componentInputParameter'];
  if (typeof fromInput === 'string') out.push({ path: joinPath(path, 'componentInputParameter'), componentInputParameter: fromInput });
  for (const [key, value] of Object.entries(config)) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a taskOutputParameter holds only producerTask and outputParameterKey strings, so searching it finds nothing more
    if (key === 'taskOutputParameter' || key === 'runtimeValue') continue;
    parameterReferences(value, joinPath(path, key), out);
  }
  return out;
}

export function checkPlatformReferences(index: IrIndex, platformSpec: PlatformSpec, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit: Emit = (code, path, message) => out.push(diagnostic(code, path, message, file));
  const executors = platformSpec.platforms?.kubernetes?.deploymentSpec?.executors ?? {};
  const base = 'platforms/kubernetes/deploymentSpec/executors';
  for (const [executor, config] of Object.entries(executors)) {
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
