/**
 * kfp-ts refuses an exit handler exactly where kfp 2.17.3 does: each pipeline body below is
 * written twice, compiled by kfp and by kfp-ts, and the two must agree on whether it compiles and,
 * when refused, on the group the handler sits in (kfp: "Using an ExitHandler within Condition
 * condition-1 is not allowed"; after an If/Elif chain with no Else, kfp's KeyError names the
 * condition-branches group). The accepted placements are also compiled beside kfp in the cross
 * case exit_handler_placement.
 *
 * Left out on purpose: an exit task created inside a condition for a handler at the top level.
 * kfp compiles it by moving the task out of the condition (it then runs whether or not the
 * condition held, and the condition's component is left without a DAG); kfp-ts refuses it as
 * dsl/exit-task-scope (tests/unit/exit-handler-placement.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eq, pipeline, pythonComponent, z, type Scope } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { hasErrors } from '../../src/diagnostics.ts';
import { venvPython } from '../support/repo.ts';

const echo = pythonComponent({ name: 'echo', source: { code: 'def echo(msg: str) -> str:\n    return msg\n' }, inputs: { msg: z.string() }, outputs: { Output: z.string() } });
const inner = pipeline({ name: 'inner' }, (_p, s) => {
  const bye = s.task(echo, { msg: 'bye' });
  s.exitHandler(bye, (s) => void s.task(echo, { msg: 'hi' }));
});

type Go = Parameters<typeof eq>[0];
const work = (s: Scope): void => void s.task(echo, { msg: 'hi' });
/** An exit handler guarding one task, its exit task made just before it. */
const guarded = (s: Scope): void => s.exitHandler(s.task(echo, { msg: 'bye' }), work);

/** Each case: its body in Python (inside `def p(x: str = "a"):`) and in TypeScript. */
const CASES: readonly { readonly name: string; readonly py: string; readonly ts: (x: Go, s: Scope) => void }[] = [
  {
    name: 'in an If',
    py: 'with dsl.If(x == "a"):\n    with dsl.ExitHandler(echo(msg="bye")):\n        echo(msg="hi")',
    ts: (x, s) => void s.if(eq(x, 'a'), guarded),
  },
  {
    name: 'in a Condition (deprecated If)',
    py: 'with dsl.Condition(x == "a"):\n    with dsl.ExitHandler(echo(msg="bye")):\n        echo(msg="hi")',
    ts: (x, s) => void s.if(eq(x, 'a'), guarded),
  },
  {
    name: 'in an Elif',
    py: 'with dsl.If(x == "a"):\n    echo(msg="a")\nwith dsl.Elif(x == "b"):\n    with dsl.ExitHandler(echo(msg="bye")):\n        echo(msg="hi")',
    ts: (x, s) => void s.if(eq(x, 'a'), work).elif(eq(x, 'b'), guarded),
  },
  {
    name: 'in an Else',
    py: 'with dsl.If(x == "a"):\n    echo(msg="a")\nwith dsl.Else():\n    with dsl.ExitHandler(echo(msg="bye")):\n        echo(msg="hi")',
    ts: (x, s) => void s.if(eq(x, 'a'), work).else(guarded),
  },
  {
    name: 'after an If/Elif chain with no Else',
    py: 'with dsl.If(x == "a"):\n    echo(msg="a")\nwith dsl.Elif(x == "b"):\n    echo(msg="b")\nwith dsl.ExitHandler(echo(msg="bye")):\n    echo(msg="hi")',
    ts: (x, s) => {
      s.if(eq(x, 'a'), work).elif(eq(x, 'b'), work);
      guarded(s);
    },
  },
  {
    name: 'in a ParallelFor',
    py: 'with dsl.ParallelFor([1, 2]):\n    with dsl.ExitHandler(echo(msg="bye")):\n        echo(msg="hi")',
    ts: (_x, s) => s.parallelFor([1, 2], (_n, s) => guarded(s)),
  },
  {
    name: 'in another ExitHandler',
    py: 'with dsl.ExitHandler(echo(msg="outer")):\n    with dsl.ExitHandler(echo(msg="bye")):\n        echo(msg="hi")',
    ts: (_x, s) => s.exitHandler(s.task(echo, { msg: 'outer' }), guarded),
  },
  {
    name: 'in an If in an ExitHandler',
    py: 'with dsl.ExitHandler(echo(msg="outer")):\n    with dsl.If(x == "a"):\n        with dsl.ExitHandler(echo(msg="bye")):\n            echo(msg="hi")',
    ts: (x, s) => s.exitHandler(s.task(echo, { msg: 'outer' }), (s) => void s.if(eq(x, 'a'), guarded)),
  },
  {
    name: 'in a ParallelFor in an If',
    py: 'with dsl.If(x == "a"):\n    with dsl.ParallelFor([1, 2]):\n        with dsl.ExitHandler(echo(msg="bye")):\n            echo(msg="hi")',
    ts: (x, s) => void s.if(eq(x, 'a'), (s) => s.parallelFor([1, 2], (_n, s) => guarded(s))),
  },
  {
    name: 'with a pipeline as exit task, in an If',
    py: 'with dsl.If(x == "a"):\n    with dsl.ExitHandler(inner()):\n        echo(msg="hi")',
    ts: (x, s) => void s.if(eq(x, 'a'), (s) => s.exitHandler(s.task(inner, {}), work)),
  },
  // accepted by kfp
  {
    name: 'after an If alone',
    py: 'with dsl.If(x == "a"):\n    echo(msg="a")\nwith dsl.ExitHandler(echo(msg="bye")):\n    echo(msg="hi")',
    ts: (x, s) => {
      s.if(eq(x, 'a'), work);
      guarded(s);
    },
  },
  {
    name: 'after an If/Else chain',
    py: 'with dsl.If(x == "a"):\n    echo(msg="a")\nwith dsl.Else():\n    echo(msg="b")\nwith dsl.ExitHandler(echo(msg="bye")):\n    echo(msg="hi")',
    ts: (x, s) => {
      s.if(eq(x, 'a'), work).else(work);
      guarded(s);
    },
  },
  {
    name: 'two, one after the other',
    py: 'with dsl.ExitHandler(echo(msg="bye")):\n    echo(msg="hi")\nwith dsl.ExitHandler(echo(msg="bye")):\n    echo(msg="hi")',
    ts: (_x, s) => {
      guarded(s);
      guarded(s);
    },
  },
  {
    name: 'around an If and a ParallelFor',
    py: 'with dsl.ExitHandler(echo(msg="bye")):\n    with dsl.If(x == "a"):\n        echo(msg="hi")\n    with dsl.ParallelFor([1, 2]):\n        echo(msg="hi")',
    ts: (x, s) =>
      s.exitHandler(s.task(echo, { msg: 'bye' }), (s) => {
        s.if(eq(x, 'a'), work);
        s.parallelFor([1, 2], (_n, s) => work(s));
      }),
  },
  {
    name: 'in a pipeline run inside an If, a ParallelFor and an ExitHandler',
    py: 'with dsl.If(x == "a"):\n    inner()\nwith dsl.ParallelFor([1, 2]):\n    inner()\nwith dsl.ExitHandler(echo(msg="bye")):\n    inner()',
    ts: (x, s) => {
      s.if(eq(x, 'a'), (s) => void s.task(inner, {}));
      s.parallelFor([1, 2], (_n, s) => void s.task(inner, {}));
      s.exitHandler(s.task(echo, { msg: 'bye' }), (s) => void s.task(inner, {}));
    },
  },
];

const KFP = `
import importlib.util, json, pathlib, sys, tempfile, textwrap, warnings
warnings.simplefilter("ignore")
from kfp import compiler
HEAD = '''from kfp import dsl

@dsl.component
def echo(msg: str) -> str:
    return msg

@dsl.pipeline(name="inner")
def inner():
    with dsl.ExitHandler(echo(msg="bye")):
        echo(msg="hi")

@dsl.pipeline(name="placement")
def p(x: str = "a"):
'''
with tempfile.TemporaryDirectory() as tmp:
    for i, body in enumerate(json.load(sys.stdin)):
        path = pathlib.Path(tmp) / f"case_{i}.py"
        path.write_text(HEAD + textwrap.indent(body, "    ") + "\\n")
        try:
            spec = importlib.util.spec_from_file_location(f"case_{i}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            compiler.Compiler().compile(module.p, str(pathlib.Path(tmp) / "out.yaml"))
            print(json.dumps({"ok": True}))
        except Exception as e:
            print(json.dumps({"ok": False, "error": f"{type(e).__name__}: {e}"[:300]}))
`;

/** The group kfp names in its refusal: `condition-1` from the ValueError, `condition-branches` from the KeyError. */
function kfpGroup(error: string): string | undefined {
  return /within \w+ ([\w-]+) is not allowed/.exec(error)?.[1] ?? /^KeyError: .*'(condition-branches)'/.exec(error)?.[1];
}

/** The enclosing group kfp-ts names, in the same form. */
function kfpTsGroup(message: string): string | undefined {
  const inside = /is inside the [\w ]+ '([\w-]+)'/.exec(message)?.[1];
  return inside ?? /the chain's group '(condition-branches)-\d+'/.exec(message)?.[1];
}

describe('where kfp allows an exit handler', () => {
  it('kfp-ts refuses an exit handler exactly where kfp 2.17.3 does, naming the same enclosing group', () => {
    const r = spawnSync(venvPython(), ['-c', KFP], { input: JSON.stringify(CASES.map((c) => c.py)), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const kfp = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: string });
    const rows = CASES.map((c, i) => {
      const result = compilePipeline(pipeline({ name: 'placement', inputs: { x: z.string().default('a') } }, (p, s) => c.ts(p.x, s)).build());
      const ours = result.diagnostics.filter((d) => d.code === 'graph/nested-exit-handler');
      return {
        name: c.name,
        kfpRefuses: !kfp[i]!.ok,
        kfpTsRefuses: hasErrors(result.diagnostics),
        kfpGroup: kfp[i]!.error === undefined ? undefined : kfpGroup(kfp[i]!.error!),
        kfpTsGroup: ours.length === 1 ? kfpTsGroup(ours[0]!.message) : undefined,
        kfpError: kfp[i]!.error,
        ours: result.diagnostics.map((d) => `${d.code}: ${d.message}`),
      };
    });
    expect(rows.filter((row) => row.kfpRefuses !== row.kfpTsRefuses || row.kfpGroup !== row.kfpTsGroup)).toEqual([]);
    expect(rows.filter((row) => row.kfpRefuses).map((row) => row.name)).toEqual(CASES.slice(0, 10).map((c) => c.name));
  });
});
