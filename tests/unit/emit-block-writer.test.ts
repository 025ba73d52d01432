/**
 * The block writer (src/emit/block-writer.ts) lays out what the `yaml` package would write for a
 * whole Document, byte for byte: on every document of kfp's corpus, on random trees full of
 * strings YAML treats specially, and through the fallback for keys it does not lay out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { blockText } from '../../src/emit/block-writer.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';
import { NotLaidOut, ScalarText } from '../../src/emit/scalar-text.ts';
import { yamlDocumentText } from '../../src/emit/yaml-document.ts';
import type { JsonObject, JsonValue, PipelineSpec } from '../../src/ir/index.ts';
import { sharedDir } from '../support/repo.ts';

type Json = { [key: string]: JsonValue | undefined };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? yamlFiles(full) : f.endsWith('.yaml') ? [full] : [];
  });
}

// Strings that YAML 1.1 reads as something else, or that need quoting, escaping or a block.
const AWKWARD = [
  '', ' ', 'yes', 'No', 'ON', 'off', 'y', 'N', 'True', 'null', 'Null', '~', '1', '-1', '1.5', '1e3', '0x1F', '0o7', '017',
  '1:30', '2001-12-14', '.inf', '-.Inf', '.NaN', '<<', '=', 'a: b', 'a:b', '#c', 'a #b', '- x', '-', '{x}', '[x]', ',x',
  "it's", '"q"', "'", 'multi\nline', 'trail\n', '\n lead', '  indented\nx', 'x\n\ny', 'a\n\n', 'tab\there', '\t', 'é',
  '😀', '\u0007', '\u00a0', '\r\n', 'x'.repeat(120), '@x', '`x', '%x', '!x', '&x', '*x', '|', '>', '?', '? x', ':x', 'x:',
  'a b', 'a  b ', 'comp-step-2', 'pipelinechannel--step-Output', '_x', 'x_y-9', '{{$.inputs.parameters[\'p\']}}',
  'import kfp\nfrom kfp import dsl\n\ndef f(x: int) -> int:\n    return x\n', 'sh -c "echo $0"', 'C:\\path', '%{x}',
  // Plain to the yaml package's YAML 1.1 schema but another value to some reader (string-style.ts).
  '0o17', '0x_1F', '1_0', '08', '+.5', 'E0', 'e5', 'Y', '2002-1-2', '.5',
  // Escaped by string-style.ts where the yaml package writes them raw.
  'a\u2028b', 'x\u0085y', 'del\x7f', 'bom\ufeff', '\ufffe', 'c1\u0090', 'tab\tand\nline',
];
const KEYS = ['a', 'B', 'z-9', '_k', 'yes', '1', '10', '9', 'a b', 'x:y', '#k', "k'", 'é', 'defaultValue', 'constant', 'metadata', 'cpuLimit', 'memoryRequest', 'deploymentSpec', 'pvcSpecPatch', 'Z', '~',
  '<<', '=', 'E0', '0o17', 'tab\tkey', 'a\u2028b', 'nl\nkey', 'del\x7f', 'y'];

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tree(r: () => number, depth: number): JsonValue {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const roll = r();
  if (depth > 0 && roll < 0.3) {
    const m: Json = {};
    for (let i = Math.floor(r() * 5); i > 0; i--) m[pick(KEYS)] = tree(r, depth - 1);
    if (r() < 0.1) m.skipped = undefined;
    return m;
  }
  if (depth > 0 && roll < 0.5) return Array.from({ length: Math.floor(r() * 4) }, () => tree(r, depth - 1));
  if (roll < 0.8) return r() < 0.3 ? pick(AWKWARD) + pick(AWKWARD) : pick(AWKWARD);
  return pick<JsonValue>([0, 1, -1, 2.5, -0.25, 1e21, 1e-7, 123456789, true, false, null]);
}

describe('block writer', () => {
  it('writes every corpus document exactly as the yaml package does', () => {
    const corpus = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0');
    let documents = 0;
    for (const file of yamlFiles(corpus)) {
      for (const d of parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' })) {
        if (!('errors' in d) || d.errors.length > 0) continue;
        const doc = d.toJS() as unknown;
        if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue;
        expect(blockText(doc as JsonObject, new ScalarText()), path.relative(corpus, file)).toBe(yamlDocumentText(doc as JsonObject));
        documents++;
      }
    }
    expect(documents).toBeGreaterThan(120);
  });

  it('writes 400 random trees of awkward strings, keys and numbers exactly as the yaml package does', () => {
    const r = random(20261126);
    const scalars = new ScalarText();
    for (let i = 0; i < 400; i++) {
      const doc: Json = { root: tree(r, 5), deploymentSpec: tree(r, 4), list: [tree(r, 3), tree(r, 3)] };
      expect(blockText(doc, scalars), JSON.stringify(doc)).toBe(yamlDocumentText(doc));
    }
  });

  it('writes numbers under Struct/Value fields as doubles, as kfp does (constant: 1.0)', () => {
    const text = blockText({ constant: 1, defaultValue: 2, metadata: { x: 3, l: [4] }, cpuLimit: 4, count: 5 }, new ScalarText());
    expect(text).toBe('constant: 1.0\ncount: 5\ncpuLimit: 4.0\ndefaultValue: 2.0\nmetadata:\n  l:\n  - 4.0\n  x: 3.0\n');
  });

  it('leaves a document whose key it cannot lay out to the yaml package', () => {
    // Struct keys are user data: any string.
    const metadata = { 'multi\nline key': 'v', ['k'.repeat(1100)]: 1 };
    const doc: PipelineSpec = { pipelineInfo: { name: 'p' }, deploymentSpec: { executors: { 'exec-a': { importer: { metadata } } } } };
    expect(() => blockText(doc, new ScalarText())).toThrow(NotLaidOut);
    expect(emitPipelineYaml(doc)).toContain(yamlDocumentText(doc));
  });
});
