/**
 * What the validator (src/validate) reports about an IR document: YAML reading, the JSON Schema of
 * the protos, the backend's upload rules, and references inside and between the two documents.
 */
export const VALIDATE_CODES = {
  // Reading the file.
  'yaml/empty': 'the file holds no YAML document',
  'yaml/syntax': 'the text is not valid YAML',
  'yaml/duplicate-key': 'a mapping repeats a key',
  'yaml/document-count': 'more than two YAML documents',
  'yaml/empty-document': 'a YAML document is empty (null)',
  'yaml/non-json-value': 'a YAML value with no JSON form (timestamp, binary, set)',
  'yaml/not-utf8': 'the file is not UTF-8 text',
  'yaml/unreadable-character': 'a control character PyYAML and go-yaml refuse anywhere in a file (DEL, C0, C1, U+FFFE/F)',
  'yaml/ambiguous-character': 'NEL, U+2028, U+2029 or a BOM raw: a line break to YAML 1.1 readers only, or skipped by go-yaml only',
  'yaml/tab': 'a tab outside quoted and block scalars and comments, which PyYAML refuses',
  'yaml/too-deep': 'collections nested deeper than PyYAML can read',
  'yaml/too-many-aliases': 'aliases that expand without bound (a billion-laughs document)',
  'yaml/unreadable-value': 'a plain `=` or `<<` value, which PyYAML cannot construct',
  'yaml/ambiguous-value': 'a plain scalar whose value depends on the reader (PyYAML, go-yaml v3, YAML 1.2): 0o17, 1e3, yes, 010, 1_000, 1:30',
  'yaml/merge-key': 'a `<<` merge key, merged by YAML 1.1 readers and a plain key to YAML 1.2 readers',
  'yaml/non-string-key': 'a plain key every reader reads as a number, boolean or null',
  'yaml/header-injection': "a line of kfp's header comment that a value's line break put into the document",
  'validate/more-problems': 'how many problems were found beyond the first 50 listed',
  'ir/document-count': 'validateIrDocuments got no document or more than two',

  // The JSON Schema (the protos, as google.protobuf.json_format reads them).
  'schema/not-an-object': 'a document is not a mapping',
  'schema/unknown-field': 'a field the message does not have',
  'schema/type': 'a value of the wrong JSON type',
  'schema/oneof': 'two members of one oneof group are set',
  'schema/enum': 'a string that names no value of the enum',
  'schema/integer': 'an integer field holding a non-integer string',
  'schema/number': 'a floating-point field holding a non-numeric string',
  'schema/duration': 'a google.protobuf.Duration that is not like "3s"',
  'schema/range': 'a number outside the range of its field type',
  'schema/invalid': 'any other schema violation',

  // Rules the KFP backend applies on upload (backend/src/apiserver).
  'backend/schema-version': 'schemaVersion is not 2.1.0',
  'backend/pipeline-name-missing': 'pipelineInfo.name is missing or empty',
  'backend/pipeline-name': 'pipelineInfo.name breaks the backend name pattern',
  'backend/root-missing': 'the root component is missing',

  // Warnings: what the backend's Argo compiler refuses when a run is created (src/validate/backend-refusals.ts).
  'backend/argo-artifact-iterator': 'warning: a ParallelFor over a list of artifacts: the Argo compiler has no artifact iterator',
  'backend/argo-no-non-exit-task': 'warning: a DAG whose tasks all ignore upstream failure (the Argo compiler takes them for exit tasks)',
  'backend/argo-importer-condition': 'warning: an importer task with triggerPolicy.condition',
  'backend/argo-executor-kind': 'warning: an executor that is neither a container nor an importer',
  'backend/argo-workspace-size': 'warning: a workspace size Kubernetes cannot parse, or a negative one',
  'backend/argo-workspace-patch': 'warning: a workspace PVC spec patch with fields or values the backend refuses',
  'backend/argo-workspace-access-modes': 'warning: a workspace PVC spec without accessModes',
  'backend/argo-workspace-storage-class': 'warning: a workspace PVC spec whose storageClassName is empty',

  // Referential integrity inside the PipelineSpec.
  'ref/component': 'componentRef.name names no component',
  'ref/executor': 'executorLabel names no executor in deploymentSpec',
  'ref/dependent-task': 'dependentTasks names no sibling task',
  'ref/producer-task': 'producerTask names no sibling task',
  'ref/output-key': "an output key the producer's component does not declare",
  'ref/component-input': 'componentInputParameter/Artifact names no input of the enclosing component',
  'ref/condition-input': "triggerPolicy.condition reads an input the task does not have",
  'ref/iterator-input': "an iterator's items name no input of the task",
  'ref/dag-output-producer': 'a DAG output selects from no subtask of the DAG',
  'ref/dag-output-key': "a DAG output selects an output the subtask's component does not declare",

  // Referential integrity between the platform spec and the PipelineSpec.
  'platform/executor': 'a platform executor names no executor of deploymentSpec',
  'platform/producer-task': 'a platform executor reads a task output of no sibling task',
  'platform/output-key': "a platform executor reads an output the producer's component does not declare",
  'platform/component-input': 'a platform executor reads an input the enclosing component does not have',
} as const;
