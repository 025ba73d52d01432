import { Document, isMap, isScalar, isSeq, visit, type Node, type Pair, type ScalarTag, type Tags } from 'yaml';
import type { JsonObject } from '../ir/index.ts';
import { compareCodePoints } from '../code-point-order.ts';
import { childrenAreValues, numberIsDouble } from './doubles.ts';
import { pyyamlFloat } from './python-float.ts';
import { escapeRawCharacters, forcedStringType, READER_DEPENDENT } from './string-style.ts';


/** A number the IR holds as a protobuf double (./doubles.ts), marked for PROTO_DOUBLE. */
class ProtoDouble {
  constructor(readonly value: number) {}
}

// Writes a ProtoDouble as kfp's PyYAML writes a float (`2.0`, `1.024e-06`), with no tag shown.
const PROTO_DOUBLE: ScalarTag = {
  // Stryker disable next-line StringLiteral: a default tag is not written, and no document is parsed with these options
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (v: unknown) => v instanceof ProtoDouble,
  // Stryker disable next-line ArrowFunction: read only when parsing, and no document is parsed with these options
  resolve: (s: string) => Number(s),
  stringify: ({ value }) => pyyamlFloat((value as ProtoDouble).value),
};

/**
 * The `yaml` package's settings that give PyYAML's `yaml.dump(sort_keys=True)` output for the
 * IR: YAML 1.1 (so the official parser reads back what we wrote, e.g. 'yes' stays a string),
 * keys sorted as Python sorts them (by code point), no anchors for repeated objects (kfp never writes them), no line folding,
 * literal block scalars, single quotes first, sequences not indented under their key. Strings
 * other readers would read differently are quoted or escaped on top (./string-style.ts).
 */
/** A key of a document made from a JavaScript object: a scalar holding a string. */
const keyText = (p: Pair): string => String(isScalar(p.key) ? p.key.value : p.key);

export const DOCUMENT_OPTIONS = {
  version: '1.1',
  sortMapEntries: (a: Pair, b: Pair) => compareCodePoints(keyText(a), keyText(b)),
  aliasDuplicateObjects: false,
  // Without the merge tag, whose identify() claims the string '<<' and writes it plain.
  customTags: (tags: Tags) => [READER_DEPENDENT, PROTO_DOUBLE, ...tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:merge')],
} as const;
// A double-quoted string stays on one line (every line break as `\n`): the `yaml` package's
// multi-line form escapes a blank before a line break as `\ ` and then drops the break after a CR.
export const TO_STRING_OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: false, singleQuote: true, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;

function markDoubles(node: Node | null | undefined, inValue: boolean): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      // Stryker disable next-line StringLiteral: the keys of a Document made from a JS object are scalars; and any name but those of doubles.ts would read the same
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if (isScalar(value) && typeof value.value === 'number') {
        if (numberIsDouble(key, inValue)) value.value = new ProtoDouble(value.value);
      } else markDoubles(value, childrenAreValues(key, inValue));
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'number') {
        if (inValue) item.value = new ProtoDouble(item.value);
      } else markDoubles(item as Node, inValue);
    }
  }
}

/**
 * One document written by the `yaml` package from a whole node tree. This is the reference the
 * fast writer (block-writer.ts) is tested against byte for byte, and its fallback for the rare
 * document it does not take on.
 */
export function yamlDocumentText(doc: JsonObject): string {
  const d = new Document(doc, DOCUMENT_OPTIONS);
  markDoubles(d.contents as Node, false);
  visit(d, {
    Scalar(_, node) {
      if (typeof node.value === 'string') node.type = forcedStringType(node.value);
    },
  });
  return escapeRawCharacters(d.toString(TO_STRING_OPTIONS));
}
