// Which numbers the IR writes as doubles. kfp fills these fields through protobuf, whose JSON
// form carries no integers there, so PyYAML prints `4.0`, `100.0`; writing the same keeps our
// files diffing cleanly against kfp's.

// Fields the proto types as double.
const DOUBLE_FIELDS = new Set(['cpuLimit', 'cpuRequest', 'memoryLimit', 'memoryRequest', 'backoffFactor']);
// Subtrees the proto types as google.protobuf.Struct/Value: kfp fills them through MessageToDict
// and Struct, which turns every number into a double. (`deploymentSpec` is a Struct in both the
// PipelineSpec and the platform document; a workspace's `pvcSpecPatch` is one too.)
const VALUE_SUBTREES = new Set(['defaultValue', 'constant', 'metadata', 'deploymentSpec', 'pvcSpecPatch']);

/** Whether a number found under `key` (in a map that is itself `inValue` or not) is a double. */
export function numberIsDouble(key: string, inValue: boolean): boolean {
  return inValue || DOUBLE_FIELDS.has(key) || VALUE_SUBTREES.has(key);
}

/** Whether the collection found under `key` holds protobuf Values throughout. */
export function childrenAreValues(key: string, inValue: boolean): boolean {
  return inValue || VALUE_SUBTREES.has(key);
}
