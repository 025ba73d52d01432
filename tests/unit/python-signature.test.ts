/**
 * Reading a Python signature (python/signature.ts) and checking it against the TypeScript
 * declaration (python/check-signature.ts). Every mismatch is a `python/signature-mismatch`
 * diagnostic whose path ends with the name of the input or output concerned.
 */
import { describe, expect, it } from 'vitest';
import { formatPath, type Diagnostic } from '../../src/diagnostics.ts';
import { artifactType, Dataset, input, Model, output, PipelineTaskFinalStatus, pipeline, pythonComponent, z } from '../../src/index.ts';
import type { InputDecls, OutputDecls } from '../../src/dsl/io.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { checkSignature } from '../../src/compiler/python/check-signature.ts';
import { parseSignature } from '../../src/python/index.ts';

const py = (...lines: string[]): string => lines.join('\n');
const WHERE = ['p', 'train', 'component', 'train'];

describe('parseSignature', () => {
  it('reads names, annotations and defaults of a multi-line signature with tricky defaults', () => {
    // GIVEN a signature with comments, nested brackets, and strings holding , : = ( and #
    const source = py(
      'def train(',
      '    data: Input[Dataset],  # the data, (with a paren',
      "    sep: str = ', ',",
      "    weights: Dict[str, float] = {'a': 1.0, 'b': 2},",
      '    label: str = "x=1: (y) # not a comment",',
      "    quote: str = 'it\\'s',",
      '    /,',
      '    *,',
      '    model: Output[Model],',
      '    n: int = -3,',
      ') -> NamedTuple("Outputs", [("a", int), ("b", str)]):',
      '    """Trains."""',
      '    return 1',
    );
    // WHEN it is parsed
    const sig = parseSignature(source);
    // THEN every parameter is read, the `/` and `*` markers are skipped, and defaults keep their source text
    expect(sig?.name).toBe('train');
    expect(sig?.params).toEqual([
      { name: 'data', annotation: 'Input[Dataset]' },
      { name: 'sep', annotation: 'str', defaultText: "', '" },
      { name: 'weights', annotation: 'Dict[str, float]', defaultText: "{'a': 1.0, 'b': 2}" },
      { name: 'label', annotation: 'str', defaultText: '"x=1: (y) # not a comment"' },
      { name: 'quote', annotation: 'str', defaultText: "'it\\'s'" },
      { name: 'model', annotation: 'Output[Model]' },
      { name: 'n', annotation: 'int', defaultText: '-3' },
    ]);
    expect(sig?.returns).toBe('NamedTuple("Outputs", [("a", int), ("b", str)])');
    expect(sig?.docstring).toBe('Trains.');
  });

  it('reads *args and **kwargs as starred parameters and a signature with no parameters', () => {
    // GIVEN starred parameters  WHEN parsed  THEN the star is kept apart from the name
    expect(parseSignature('def f(*args, **kwargs):\n    pass\n')?.params).toEqual([
      { name: 'args', star: '*' },
      { name: 'kwargs', star: '**' },
    ]);
    expect(parseSignature('def f():\n    pass\n')?.params).toEqual([]);
  });

  it('reads the docstring, in any quote style, and none when the body starts with code', () => {
    expect(parseSignature("def f(a: int):\n    '''Single.\n\n    Args:\n        a: A.\n    '''\n")?.docstring).toBe('Single.\n\n    Args:\n        a: A.\n    ');
    expect(parseSignature('def f(a: int):\n    "Short."\n')?.docstring).toBe('Short.');
    expect(parseSignature('def f(a: int):\n    x = "not a docstring"\n')?.docstring).toBeUndefined();
  });

  it('returns undefined for text that is not a complete def', () => {
    expect(parseSignature('class A:\n    pass\n')).toBeUndefined();
    expect(parseSignature('def f(a: int,\n')).toBeUndefined();
  });
});

/** A component named `train` with the given declarations, checked against `source`. */
function check(decl: { inputs?: InputDecls; outputs?: OutputDecls }, source: string) {
  const comp = pythonComponent({ name: 'train', source: { code: source }, ...decl });
  const sig = parseSignature(source);
  if (!sig) throw new Error('test setup: unparseable signature');
  const ds: Diagnostic[] = [];
  checkSignature(comp.node, sig, WHERE, 'train.py', undefined, (d) => ds.push(d));
  return ds;
}

const codesAndPaths = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, formatPath(d.path)]);

describe('checkSignature', () => {
  it('accepts a Python signature that agrees in names, kinds, types and defaults', () => {
    // GIVEN a declaration and a function that agree on every input and output
    const ds = check(
      {
        inputs: {
          data: input(Dataset),
          prior: input(Model, { optional: true }),
          parts: input(Dataset, { list: true }),
          name: z.string(),
          n: z.int().default(100),
          lr: z.number().default(0.1),
          flag: z.boolean().default(true),
          items: z.array(z.int()).default([1, 2]),
          cfg: z.record(z.string(), z.int()).default({ a: 1 }),
          note: z.string().optional(),
          sep: z.string().default("it's, here"),
        },
        outputs: { model: output(Model), count: z.int(), Output: z.string() },
      },
      py(
        'def train(',
        '    data: Input[Dataset],',
        '    parts: Input[List[Dataset]],',
        '    name: str,',
        '    model: Output[Model],',
        '    count: OutputPath(int),',
        '    prior: Optional[Input[Model]] = None,',
        '    n: int = 100,',
        '    lr: float = 0.1,',
        '    flag: bool = True,',
        '    items: List[int] = [1, 2],',
        "    cfg: Dict[str, int] = {'a': 1},",
        '    note: Optional[str] = None,',
        "    sep: str = 'it\\'s, ' \"here\",",
        ') -> str:',
        "    return ''",
      ),
    );
    // THEN there is nothing to report
    expect(ds).toEqual([]);
  });

  const MISMATCHES: readonly {
    what: string;
    inputs?: InputDecls;
    outputs?: OutputDecls;
    source: string;
    name: string;
  }[] = [
    { what: 'a Python parameter the declaration lacks', inputs: { a: z.int() }, source: 'def train(a: int, extra: str):\n    pass\n', name: 'extra' },
    { what: 'a declared input the Python function lacks', inputs: { a: z.int(), b: z.string() }, source: 'def train(a: int):\n    pass\n', name: 'b' },
    { what: '*args', inputs: {}, source: 'def train(*args):\n    pass\n', name: 'args' },
    { what: '**kwargs', inputs: {}, source: 'def train(**kwargs):\n    pass\n', name: 'kwargs' },
    { what: 'a parameter without an annotation', inputs: { a: z.int() }, source: 'def train(a):\n    pass\n', name: 'a' },
    { what: 'a parameter type (int declared, str in Python)', inputs: { n: z.int() }, source: 'def train(n: str):\n    pass\n', name: 'n' },
    { what: 'a parameter type (double declared, int in Python)', inputs: { lr: z.number() }, source: 'def train(lr: int):\n    pass\n', name: 'lr' },
    { what: 'a parameter declared as a parameter but an artifact in Python', inputs: { d: z.string() }, source: 'def train(d: Input[Dataset]):\n    pass\n', name: 'd' },
    { what: 'an optional declaration whose Python parameter has no default', inputs: { n: z.int().default(3) }, source: 'def train(n: int):\n    pass\n', name: 'n' },
    { what: 'a required declaration whose Python parameter has a default', inputs: { n: z.int() }, source: 'def train(n: int = 3):\n    pass\n', name: 'n' },
    { what: 'different defaults', inputs: { n: z.int().default(100) }, source: 'def train(n: int = 10):\n    pass\n', name: 'n' },
    { what: 'different string defaults', inputs: { s: z.string().default('a') }, source: "def train(s: str = 'b'):\n    pass\n", name: 's' },
    { what: 'a default that is not a literal', inputs: { n: z.int().default(3) }, source: 'def train(n: int = THREE):\n    pass\n', name: 'n' },
    { what: 'an artifact class (Dataset declared, Model in Python)', inputs: { d: input(Dataset) }, source: 'def train(d: Input[Model]):\n    pass\n', name: 'd' },
    { what: 'a list of artifacts declared, one artifact in Python', inputs: { d: input(Dataset, { list: true }) }, source: 'def train(d: Input[Dataset]):\n    pass\n', name: 'd' },
    { what: 'an optional artifact input declared, a required one in Python', inputs: { d: input(Dataset, { optional: true }) }, source: 'def train(d: Input[Dataset]):\n    pass\n', name: 'd' },
    { what: 'a required artifact input declared, an optional one in Python', inputs: { d: input(Dataset) }, source: 'def train(d: Optional[Input[Dataset]] = None):\n    pass\n', name: 'd' },
    // kfp: an input is optional when it has a default; Optional[...] alone does not make it so.
    { what: 'an optional artifact declared, Optional[...] without a default in Python', inputs: { d: input(Dataset, { optional: true }) }, source: 'def train(d: Optional[Input[Dataset]]):\n    pass\n', name: 'd' },
    { what: 'an artifact input declared, an output in Python', inputs: { d: input(Dataset) }, source: 'def train(d: Output[Dataset]):\n    pass\n', name: 'd' },
    { what: 'an output artifact class', outputs: { m: output(Model) }, source: 'def train(m: Output[Dataset]):\n    pass\n', name: 'm' },
    { what: 'a declared output the Python function lacks', outputs: { m: output(Model) }, source: 'def train():\n    pass\n', name: 'm' },
    { what: 'an output parameter type', outputs: { count: z.int() }, source: 'def train(count: OutputPath(str)):\n    pass\n', name: 'count' },
    { what: 'the return type of the Output parameter', outputs: { Output: z.int() }, source: "def train() -> str:\n    return ''\n", name: 'Output' },
    { what: 'a returned value the declaration lacks', outputs: {}, source: 'def train() -> int:\n    return 1\n', name: 'Output' },
  ];

  for (const m of MISMATCHES) {
    it(`reports ${m.what} at the path of that input or output`, () => {
      // GIVEN a declaration and a Python function that disagree in one place
      // WHEN the signature is checked
      const ds = check({ ...(m.inputs ? { inputs: m.inputs } : {}), ...(m.outputs ? { outputs: m.outputs } : {}) }, m.source);
      // THEN exactly one mismatch is reported, with the path of that name and the file
      expect(codesAndPaths(ds)).toEqual([['python/signature-mismatch', formatPath([...WHERE, m.name])]]);
      expect(ds[0]?.file).toBe('train.py');
    });
  }

  it('reports every mismatch, not only the first', () => {
    // GIVEN three disagreements  WHEN checked  THEN three diagnostics, in declaration order
    const ds = check({ inputs: { a: z.int(), b: z.string(), c: z.boolean() } }, 'def train(a: str, b: int, c: str):\n    pass\n');
    expect(codesAndPaths(ds)).toEqual([
      ['python/signature-mismatch', formatPath([...WHERE, 'a'])],
      ['python/signature-mismatch', formatPath([...WHERE, 'b'])],
      ['python/signature-mismatch', formatPath([...WHERE, 'c'])],
    ]);
  });

  it('reaches the compile result with the task path and the component file', () => {
    // GIVEN a pipeline whose only task's Python function disagrees with its declaration
    const comp = pythonComponent({
      name: 'train',
      source: '/virtual/train.py',
      inputs: { n_estimators: z.int() },
    });
    const p = pipeline({ name: 'sig' }, (_p, s) => {
      s.task(comp, { n_estimators: 3 });
    });
    // WHEN it is compiled with that file's text
    const result = compilePipeline(p.build(), { sources: new Map([['/virtual/train.py', 'def train(n_estimators: str):\n    pass\n']]) });
    // THEN no spec is produced and the diagnostic names the task, the function and the input
    expect(result.pipelineSpec).toBeUndefined();
    expect(codesAndPaths(result.diagnostics)).toEqual([['python/signature-mismatch', 'sig/train/component/train/n_estimators']]);
    expect(result.diagnostics[0]?.file).toBe('/virtual/train.py');
  });

  it('reports a function missing from its source and an unreadable signature with their own codes', () => {
    const missing = pythonComponent({ name: 'absent', source: { code: 'def other():\n    pass\n' } });
    const broken = pythonComponent({ name: 'broken', source: { code: 'def broken(a: int,\n' } });
    const p = pipeline({ name: 'sources' }, (_p, s) => {
      s.task(missing, {});
      s.task(broken, {});
    });
    const result = compilePipeline(p.build());
    expect(codesAndPaths(result.diagnostics)).toEqual([
      ['python/function-missing', 'sources/absent/component/absent'],
      ['python/signature-unreadable', 'sources/broken/component/broken'],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "no top-level 'def absent(...)' in the inline source",
      "could not read the signature of 'broken' (line 1)",
    ]);
  });

  it('names the file when a function is missing from it, and a source file that was not read', () => {
    const inFile = pythonComponent({ name: 'absent', source: '/virtual/absent.py' });
    const unread = pythonComponent({ name: 'unread', source: '/virtual/unread.py' });
    const p = pipeline({ name: 'files' }, (_p, s) => {
      s.task(inFile, {});
      s.task(unread, {});
    });
    const result = compilePipeline(p.build(), { sources: new Map([['/virtual/absent.py', 'def other():\n    pass\n']]) });
    expect(result.diagnostics.map((d) => [d.code, formatPath(d.path), d.file, d.message])).toEqual([
      ['python/function-missing', 'files/absent/component/absent', '/virtual/absent.py', "no top-level 'def absent(...)' in /virtual/absent.py"],
      ['python/source-missing', 'files/unread/component/unread', '/virtual/unread.py', 'the Python source file /virtual/unread.py was not read; check that it exists'],
    ]);
  });
});

describe('checkSignature on inputs it leaves to other checks', () => {
  it('accepts a PipelineTaskFinalStatus input with or without a Python default (kfp fills it in)', () => {
    expect(check({ inputs: { status: PipelineTaskFinalStatus, x: z.string().default('') } }, "def train(status: PipelineTaskFinalStatus, x: str = ''):\n    pass\n")).toEqual([]);
    // kfp 2.17.3 also accepts `status: dsl.PipelineTaskFinalStatus = None` (is_optional either way)
    expect(check({ inputs: { status: PipelineTaskFinalStatus } }, 'def train(status: PipelineTaskFinalStatus = None):\n    pass\n')).toEqual([]);
  });
});

describe('checkSignature leaves embedded inputs to the embedded-input check', () => {
  it('reports nothing for a declared embedded input, whatever its Python annotation says', () => {
    for (const annotation of ['Input[Model]', 'Output[Model]', 'str']) {
      const source = `def train(e: ${annotation}):\n    pass\n`;
      const comp = pythonComponent({ name: 'train', source: { code: source }, embeddedArtifact: '/d', embeddedInputs: { e: Model } });
      const ds: Diagnostic[] = [];
      checkSignature(comp.node, parseSignature(source)!, WHERE, 'train.py', undefined, (d) => ds.push(d));
      expect(ds).toEqual([]);
    }
  });
});

describe('checkSignature messages say what differs and how to fix it', () => {
  const CASES: readonly { decl: { inputs?: InputDecls; outputs?: OutputDecls }; source: string; name: string; message: string }[] = [
    { decl: { inputs: { a: z.int() } }, source: 'def train(a: int, extra: str):\n    pass\n', name: 'extra', message: "the Python function has a parameter 'extra' that the TypeScript declaration lacks; declare it in inputs, or remove it from the function" },
    { decl: { inputs: { a: z.int(), b: z.string() } }, source: 'def train(a: int):\n    pass\n', name: 'b', message: "the declaration has an input 'b' that the Python function 'train' does not take; add the parameter to the function or remove the input" },
    { decl: { inputs: { n: z.int() } }, source: 'def train(n: str):\n    pass\n', name: 'n', message: "declared as NUMBER_INTEGER but kfp reads the Python function as STRING (the annotation is 'str')" },
    { decl: { outputs: { count: z.int() } }, source: 'def train(count: OutputPath(str)):\n    pass\n', name: 'count', message: "declared as an output NUMBER_INTEGER but kfp reads the Python function as STRING (the annotation is 'OutputPath(str)')" },
    { decl: { inputs: { n: z.int().default(3) } }, source: 'def train(n: int):\n    pass\n', name: 'n', message: 'optional in the declaration but the Python parameter has no default; give it one (or drop .default()/.optional())' },
    { decl: { inputs: { n: z.int() } }, source: 'def train(n: int = 3):\n    pass\n', name: 'n', message: 'required in the declaration but the Python parameter has the default 3; add .default(...) to the declaration or remove the Python default' },
    { decl: { inputs: { n: z.int().default(100) } }, source: 'def train(n: int = 10):\n    pass\n', name: 'n', message: 'the default differs: the declaration says 100, the Python function says 10' },
    { decl: { inputs: { s: z.string().optional() } }, source: "def train(s: str = 'b'):\n    pass\n", name: 's', message: "the default differs: the declaration says null, the Python function says 'b'" },
    { decl: { inputs: { d: input(Dataset) } }, source: 'def train(d: Input[Model]):\n    pass\n', name: 'd', message: "declared as an input system.Dataset but kfp reads the Python function as Model (the annotation is 'Input[Model]') (expected e.g. Input[Dataset])" },
    { decl: { inputs: { d: input(Dataset, { list: true }) } }, source: 'def train(d: Input[Dataset]):\n    pass\n', name: 'd', message: "declared as an input list of system.Dataset but kfp reads the Python function as Dataset (the annotation is 'Input[Dataset]') (expected e.g. Input[List[Dataset]])" },
    { decl: { inputs: { d: input(Dataset) } }, source: 'def train(d: Input[List[Dataset]]):\n    pass\n', name: 'd', message: "declared as an input system.Dataset but kfp reads the Python function as list of Dataset (the annotation is 'Input[List[Dataset]]') (expected e.g. Input[Dataset])" },
    { decl: { inputs: { d: input(Dataset, { optional: true }) } }, source: 'def train(d: Input[Dataset]):\n    pass\n', name: 'd', message: 'optional in the declaration; give the Python parameter the default None' },
    { decl: { inputs: { d: input(Dataset) } }, source: 'def train(d: Optional[Input[Dataset]] = None):\n    pass\n', name: 'd', message: 'the Python parameter is optional (it defaults to None); declare it with input(..., { optional: true })' },
    { decl: { inputs: { d: input(Dataset) } }, source: 'def train(d: Output[Dataset]):\n    pass\n', name: 'd', message: "declared as an input but kfp reads the Python parameter as an output Dataset (the annotation is 'Output[Dataset]')" },
    { decl: { inputs: { t: input(artifactType('google.BQTable', '0.0.1', { pythonClass: 'bq_types.BQTable' })) } }, source: 'def train(t: Input[Model]):\n    pass\n', name: 't', message: "declared as an input google.BQTable but kfp reads the Python function as Model (the annotation is 'Input[Model]') (expected e.g. Input[BQTable])" },
    { decl: { inputs: { t: input(artifactType('acme.Thing', '0.0.1')) } }, source: 'def train(t: Input[Model]):\n    pass\n', name: 't', message: "declared as an input acme.Thing but kfp reads the Python function as Model (the annotation is 'Input[Model]') (expected e.g. Input[Artifact])" },
    { decl: { outputs: { m: output(Model) } }, source: 'def train(m: Output[Dataset]):\n    pass\n', name: 'm', message: "declared as an output system.Model but kfp reads the Python function as Dataset (the annotation is 'Output[Dataset]') (expected e.g. Output[Model])" },
    { decl: { outputs: { m: output(Model) } }, source: 'def train(m: Input[Model]):\n    pass\n', name: 'm', message: "declared as an output but kfp reads the Python parameter as an input Model (the annotation is 'Input[Model]')" },
    { decl: { outputs: { m: output(Model) } }, source: 'def train():\n    pass\n', name: 'm', message: "the declaration has an output 'm' that the Python function does not take; add 'm: Output[...]' (or OutputPath(...)) to the function" },
    { decl: { outputs: { Output: z.int() } }, source: "def train() -> str:\n    return ''\n", name: 'Output', message: 'declared as an output NUMBER_INTEGER but kfp reads the Python function as STRING' },
    { decl: { outputs: { Output: z.int() } }, source: "def train():\n    return ''\n", name: 'Output', message: "the output 'Output' is NUMBER_INTEGER but the Python function has no return annotation" },
    { decl: { outputs: { Output: output(Model) } }, source: "def train():\n    return ''\n", name: 'Output', message: "the output 'Output' is system.Model but the Python function has no return annotation" },
    { decl: { outputs: {} }, source: 'def train() -> int:\n    return 1\n', name: 'Output', message: "the Python function returns 'int'; declare it as outputs: { Output: … }" },
    { decl: { outputs: {} }, source: 'def train() -> NamedTuple("Outputs", [("a", int)]):\n    return 1\n', name: 'a', message: "the Python function returns a NamedTuple with the field 'a'; declare it in outputs" },
    { decl: { inputs: { a: z.int() } }, source: 'def train(a: Output[Model]):\n    pass\n', name: 'a', message: "declared as an input but kfp reads the Python parameter as an output Model (the annotation is 'Output[Model]')" },
    { decl: {}, source: 'def train(m: Output[Model]):\n    pass\n', name: 'm', message: "the Python function has a parameter 'm' that the TypeScript declaration lacks; declare it in outputs, or remove it from the function" },
    { decl: { inputs: { a: z.int() } }, source: 'def train(a):\n    pass\n', name: 'a', message: 'the parameter has no type annotation, which kfp requires ("Missing type annotation for argument: a")' },
    { decl: { outputs: { a: z.string() } }, source: 'def train(a):\n    pass\n', name: 'a', message: 'the parameter has no type annotation, which kfp requires ("Missing type annotation for argument: a")' },
    { decl: { inputs: { a: z.string() } }, source: 'def train(a: Input[Dataset]):\n    pass\n', name: 'a', message: "declared as STRING but kfp reads the Python function as Dataset (the annotation is 'Input[Dataset]')" },
    { decl: { outputs: { a: z.string() } }, source: 'def train(a: Output[Dataset]):\n    pass\n', name: 'a', message: "declared as an output STRING but kfp reads the Python function as Dataset (the annotation is 'Output[Dataset]')" },
  ];
  for (const c of CASES) {
    it(`${c.name}: ${c.message}`, () => {
      // GIVEN one disagreement  WHEN checked  THEN one diagnostic at that name with exactly this text
      const ds = check(c.decl, c.source);
      expect(ds.map((d) => [d.path.at(-1), d.message])).toEqual([[c.name, c.message]]);
    });
  }
});
