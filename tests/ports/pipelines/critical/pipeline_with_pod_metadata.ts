// corpus: valid/critical/pipeline_with_pod_metadata.yaml
import { kubernetes, pipeline, pythonComponent, z, type TaskHandle } from '../../../../src/index.ts';

/** A stand-in `def name(a: str, b: str, ...) -> bool` for the given parameter names. */
function validator(name: string, params: readonly string[]) {
  const code = `def ${name}(${params.map((p) => `${p}: str`).join(', ')}) -> bool:\n    return True\n`;
  return pythonComponent({ name, source: { code }, inputs: Object.fromEntries(params.map((p) => [p, z.string()])), outputs: { Output: z.boolean() } });
}
const pairs = (kind: string, n: number, single = false) =>
  Array.from({ length: n }, (_, i) => (single ? [`${kind}_path`, `${kind}_exp_val`] : [`${kind}_path_${i + 1}`, `${kind}_exp_val_${i + 1}`])).flat();

const taskA = validator('validate_pod_metadata_task_a', [...pairs('annotation', 1, true), ...pairs('label', 2)]);
const taskB = validator('validate_pod_metadata_task_b', [...pairs('annotation', 4), ...pairs('label', 3)]);
const taskC = validator('validate_pod_metadata_task_c', pairs('annotation', 2));
const taskD = validator('validate_pod_metadata_task_d', pairs('label', 3));
const noMetadata = validator('validate_no_pod_metadata', []);

const label = (t: TaskHandle, key: string, value: string) => kubernetes.addPodLabel(t, { labelKey: key, labelValue: value });
const annotate = (t: TaskHandle, key: string, value: string) => kubernetes.addPodAnnotation(t, { annotationKey: key, annotationValue: value });
const env = (t: TaskHandle, envName: string, fieldPath: string) => kubernetes.useFieldPathAsEnv(t, { envName, fieldPath });

export default pipeline({ name: 'pipeline-with-pod-metadata' }, (_p, s) => {
  let a: TaskHandle = s.task(taskA, {
    annotation_path: 'POD_TASK_ANNOTATION', annotation_exp_val: 'annotation',
    label_path_1: 'POD_TASK_LABEL_1', label_exp_val_1: 'label-1',
    label_path_2: 'POD_TASK_LABEL_2', label_exp_val_2: 'label-2',
  } as never).withCaching(false);
  a = label(a, 'task-label-1', 'label-1');
  a = label(a, 'task-label-2', 'label-2');
  a = annotate(a, 'task-annotation', 'annotation');
  a = env(a, 'POD_TASK_ANNOTATION', "metadata.annotations['task-annotation']");
  a = env(a, 'POD_TASK_LABEL_1', "metadata.labels['task-label-1']");
  env(a, 'POD_TASK_LABEL_2', "metadata.labels['task-label-2']");

  let b: TaskHandle = s.task(taskB, {
    annotation_path_1: 'POD_TASK_ANNOTATION_1', annotation_exp_val_1: 'annotation-1',
    annotation_path_2: 'POD_TASK_ANNOTATION_2', annotation_exp_val_2: 'annotation-2',
    annotation_path_3: 'POD_TASK_ANNOTATION_3', annotation_exp_val_3: 'annotation-3',
    annotation_path_4: 'POD_TASK_ANNOTATION_4', annotation_exp_val_4: 'annotation-4',
    label_path_1: 'POD_TASK_LABEL_1', label_exp_val_1: 'label-1',
    label_path_2: 'POD_TASK_LABEL_2', label_exp_val_2: 'label-2',
    label_path_3: 'POD_TASK_LABEL_3', label_exp_val_3: 'label-3',
  } as never).withCaching(false);
  for (const i of [1, 2, 3, 4]) b = annotate(b, `task-annotation-${i}`, `annotation-${i}`);
  for (const i of [1, 2, 3]) b = label(b, `task-label-${i}`, `label-${i}`);
  for (const i of [1, 2, 3, 4]) b = env(b, `POD_TASK_ANNOTATION_${i}`, `metadata.annotations['task-annotation-${i}']`);
  for (const i of [1, 2, 3]) b = env(b, `POD_TASK_LABEL_${i}`, `metadata.labels['task-label-${i}']`);

  let c: TaskHandle = s.task(taskC, {
    annotation_path_1: 'POD_TASK_ANNOTATION_1', annotation_exp_val_1: 'annotation-1',
    annotation_path_2: 'POD_TASK_ANNOTATION_2', annotation_exp_val_2: 'annotation-2',
  } as never).withCaching(false);
  for (const i of [1, 2]) c = annotate(c, `task-annotation-${i}`, `annotation-${i}`);
  for (const i of [1, 2]) c = env(c, `POD_TASK_ANNOTATION_${i}`, `metadata.annotations['task-annotation-${i}']`);

  let d: TaskHandle = s.task(taskD, {
    label_path_1: 'POD_TASK_LABEL_1', label_exp_val_1: 'label-1',
    label_path_2: 'POD_TASK_LABEL_2', label_exp_val_2: 'label-2',
    label_path_3: 'POD_TASK_LABEL_3', label_exp_val_3: 'label-3',
  } as never).withCaching(false);
  for (const i of [1, 2, 3]) d = label(d, `task-label-${i}`, `label-${i}`);
  for (const i of [1, 2, 3]) d = env(d, `POD_TASK_LABEL_${i}`, `metadata.labels['task-label-${i}']`);

  let e: TaskHandle = s.task(noMetadata, {}).withCaching(false);
  e = env(e, 'POD_TASK_ANNOTATION', "metadata.annotations['task-annotation']");
  e = env(e, 'POD_TASK_ANNOTATION_1', "metadata.annotations['task-annotation-1']");
  e = env(e, 'POD_TASK_LABEL', "metadata.labels['task-label']");
  env(e, 'POD_TASK_LABEL_1', "metadata.labels['task-label-1']");
});
