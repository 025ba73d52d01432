/**
 * kfp 2.17.3's own files for the strings of issue 10: `kfp-ts validate` refuses those that a reader
 * cannot read or reads differently (the header injection, `0o17`, `1e3`, `y`…), each with its
 * code and line, and accepts the others. kfp-ts's files for the same strings all validate
 * (tests/unit/validate-readers.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateIrText } from '../../src/validate/index.ts';
import { parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';
import { REPO, venvPython } from '../support/repo.ts';
import { formatPath } from '../../src/diagnostics.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-kfp-strings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each string, and what validate says of kfp's file for it ([] = valid). */
const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['x\ndefaultPipelineRoot: s3://attacker/x #', ['yaml/header-injection']],
  ['line1\nline2: yes', ['yaml/header-injection']],
  ['0o17', ['yaml/ambiguous-value']],
  ['1e3', ['yaml/ambiguous-value']],
  ['+.5', ['yaml/ambiguous-value']],
  ['08', ['yaml/ambiguous-value']],
  // kfp's header holds the default raw: a line break to PyYAML and go-yaml, a character they refuse.
  ['a\u2028b', ['yaml/ambiguous-character']],
  ['del\x7f', ['yaml/unreadable-character']],
  // PyYAML writes these quoted or escaped, and the header keeps them on its line: every reader agrees.
  ['tab\there', []],
  ['=', []],
  ['<<', []],
  ['plain', []],
];

function kfpFiles(strings: readonly string[]): string[] {
  const r = spawnSync(venvPython(), [path.join(REPO, 'tests', 'yaml-readers', 'compile_with_kfp.py'), dir], { input: JSON.stringify(strings), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kfp failed: ${r.stderr}`);
  return strings.map((_, i) => readFileSync(path.join(dir, `${i}.yaml`), 'utf8'));
}

describe("kfp 2.17.3's files for the strings of issue 10", () => {
  const files = kfpFiles(CASES.map(([s]) => s));

  it.each(CASES.map(([s, codes], i) => [JSON.stringify(s), codes, i] as const))('%s: validate says %j', (_, codes, i) => {
    const problems = validateIrText(files[i]!, `${i}.yaml`);
    expect(problems.map((d) => d.code)).toEqual(codes);
    for (const d of problems) expect(formatPath(d.path)).toMatch(/line \d+/);
  });

  it("GIVEN kfp's file for the injection WHEN read THEN every reader gets the attacker's pipeline root, which is why it is refused", () => {
    const text = files[0]!;
    expect(text).toContain("#    p: str [Default: 'x\ndefaultPipelineRoot: s3://attacker/x #']");
    const python = spawnSync(venvPython(), ['-c', 'import sys, yaml; print(list(yaml.safe_load_all(sys.stdin.read()))[0]["defaultPipelineRoot"])'], { input: text, encoding: 'utf8' });
    expect(python.stdout.trim()).toBe('s3://attacker/x');
    // The validator's own reading agrees with PyYAML (quick and careful paths alike).
    expect((parseYamlDocuments(text).docs[0] as Record<string, unknown>).defaultPipelineRoot).toBe('s3://attacker/x');
  });
});
