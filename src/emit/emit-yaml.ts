import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { headerComment } from './header.ts';

type Json = Record<string, unknown>;

// Fields the proto types as double (or that hold protobuf Values, which are always doubles):
// kfp writes them as `4.0`, `100.0`, and so do we, so files diff cleanly against kfp's.
const DOUBLE_FIELDS = new Set(['cpuLimit', 'cpuRequest', 'memoryLimit', 'memoryRequest', 'backoffFactor']);
// Subtrees the proto types as google.protobuf.Struct/Value: kfp fills them through MessageToDict
// and Struct, which turns every number into a double. (`deploymentSpec` is a Struct in both the
// PipelineSpec and the platform document; a workspace's `pvcSpecPatch` is one too.)
const VALUE_SUBTREES = new Set(['defaultValue', 'constant', 'metadata', 'deploymentSpec', 'pvcSpecPatch']);

function markDoubles(node: Node | null | undefined, inValue: boolean): void {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if (isScalar(value) && typeof value.value === 'number' && (inValue || DOUBLE_FIELDS.has(key))) value.minFractionDigits = 1;
      else markDoubles(value, inValue || VALUE_SUBTREES.has(key));
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'number' && inValue) item.minFractionDigits = 1;
      else markDoubles(item as Node, inValue);
    }
  }
}

function toYaml(doc: Json, allValues: boolean): string {
  // YAML 1.1 and sorted keys, like PyYAML's `yaml.dump(sort_keys=True)`, so that the
  // official parser reads back exactly what we wrote (e.g. 'yes' stays a string).
  // No anchors/aliases for repeated objects: kfp never writes them.
  const d = new Document(doc, { version: '1.1', sortMapEntries: true, aliasDuplicateObjects: false });
  markDoubles(d.contents as Node, allValues);
  return d.toString({ lineWidth: 0, blockQuote: 'literal', indentSeq: false, singleQuote: true });
}

/** The compiled file: kfp's header comment, the PipelineSpec, and the platform document if any. */
export function emitPipelineYaml(pipelineSpec: Json, platformSpec?: Json): string {
  let out = headerComment(pipelineSpec) + toYaml(pipelineSpec, false);
  if (platformSpec) out += '---\n' + toYaml(platformSpec, false);
  return out;
}
