/**
 * kfp-ts refuses exactly the component signatures kfp 2.17.3 refuses: for each signature below,
 * kfp's `@dsl.component` (and a compile of the component) either fails or not, and kfp-ts' reading
 * of the same text (python/kfp-interface.ts) reports a problem or not. The accepted forms are
 * compiled beside kfp in the cross case python_annotations. (One refusal is kfp-ts' own: kfp
 * compiles `*args: int` as an input named `args`, which its executor cannot pass; the unit tests
 * cover it.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kfpInterface, parseSignature } from '../../src/python/index.ts';
import { venvPython } from '../support/repo.ts';

const SIGNATURES = [
  // refused by kfp
  'def f(x): pass',
  'def f(Output: str): pass',
  'def f(x: str | None = None): pass',
  'def f(x: typing.Any = None): pass',
  'def f(x: Output[List[Dataset]]): pass',
  "def f(x: OutputPath('str')): pass",
  "def f(x: InputPath('text')): pass",
  "def f(x: Input[Dataset] = 'gs://x'): pass",
  'def f() -> List[Dataset]: pass',
  // accepted by kfp
  'def f(x: InputPath(str), y: InputPath()): pass',
  "def f(x: InputPath('CSV'), y: InputPath('Integer'), z: OutputPath('List')): pass",
  'def f(x: List[Input[Dataset]], y: Optional[Input[Model]] = None, z: Dataset = None): pass',
  'def f(x: list[str], y: dict[str, int] = {}, z: Union[str, None] = None) -> Dataset: pass',
  'def f(s: dsl.PipelineTaskFinalStatus) -> NamedTuple("O", [("a", int), ("b", Model)]): pass',
];

const KFP = `
import importlib.util, json, pathlib, sys, tempfile, warnings
warnings.simplefilter("ignore")
from kfp import compiler, dsl
HEAD = "import typing\\nfrom typing import *\\nfrom kfp import dsl\\nfrom kfp.dsl import *\\n\\n"
with tempfile.TemporaryDirectory() as tmp:
    for i, source in enumerate(json.load(sys.stdin)):
        path = pathlib.Path(tmp) / f"case_{i}.py"
        path.write_text(HEAD + source + "\\n")
        try:
            spec = importlib.util.spec_from_file_location(f"case_{i}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            compiler.Compiler().compile(dsl.component(module.f), str(pathlib.Path(tmp) / "out.yaml"))
            print(json.dumps({"ok": True}))
        except Exception as e:
            print(json.dumps({"ok": False, "error": f"{type(e).__name__}: {e}"[:300]}))
`;

describe('annotations kfp refuses', () => {
  it('kfp-ts refuses a signature exactly when kfp 2.17.3 does', () => {
    const r = spawnSync(venvPython(), ['-c', KFP], { input: JSON.stringify(SIGNATURES), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const kfp = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: string });
    const rows = SIGNATURES.map((source, i) => {
      const sig = parseSignature(`${source.replace(/: pass$/, ':\n    pass')}\n`);
      const ours = sig ? kfpInterface(sig).problems.map((p) => p.message) : ['unreadable'];
      return { source, kfpRefuses: !kfp[i]!.ok, kfpTsRefuses: ours.length > 0, kfpError: kfp[i]!.error, ours };
    });
    expect(rows.filter((row) => row.kfpRefuses !== row.kfpTsRefuses)).toEqual([]);
    expect(rows.filter((row) => row.kfpRefuses)).toHaveLength(9);
  });
});
