/**
 * Embedded artifacts and notebook components: the tar archive (python/tar-archive.ts), the helper
 * text each adds to the program (python/embedded-program.ts), the checks of `embeddedInputs`
 * against the Python signature and of notebook paths (python/resolve-embedded.ts). The compiler
 * gets what was read at each path as `CompileOptions.embedded`; nothing here touches the disk.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Artifact, Dataset, input, Model, notebookComponent, output, pipeline, pythonComponent, z } from '../../src/index.ts';
import { type EmbeddedTree, embeddedAssetPaths } from '../../src/python/index.ts';
import { tarArchive } from '../../src/compiler/python/tar-archive.ts';
import { codesAndPaths, compileErrors, compileOk, type Json } from './support.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** Members of an archive: [name, type, mode, size, content], read back field by field. */
function readTar(tar: Uint8Array): [string, string, string, number, string][] {
  const out: [string, string, string, number, string][] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const field = (from: number, len: number) => text(h.subarray(from, from + len)).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12), 8);
    out.push([field(0, 100), field(156, 1), field(100, 8), size, text(tar.subarray(at + 512, at + 512 + size))]);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function programOf(spec: Json, exec: string): string {
  const command: string[] = spec.deploymentSpec.executors[exec].container.command;
  return command[command.length - 1]!;
}

function archiveOf(program: string): Uint8Array {
  const b64 = /__KFP_EMBEDDED_ARCHIVE_B64 = '([^']*)'/.exec(program)![1]!;
  return new Uint8Array(gunzipSync(Buffer.from(b64, 'base64')));
}

const DIR: EmbeddedTree = {
  kind: 'dir',
  entries: [
    { kind: 'file', path: 'config.json', bytes: bytes('{}'), executable: false },
    { kind: 'file', path: 'run.sh', bytes: bytes('#!/bin/sh\n'), executable: true },
    { kind: 'dir', path: 'vocab' },
    { kind: 'file', path: 'vocab/words.txt', bytes: bytes('hello\n'), executable: false },
  ],
};

const readAssets = pythonComponent({
  name: 'read_assets',
  source: { code: 'def read_assets(n: int, assets: dsl.EmbeddedInput[dsl.Artifact]):\n    print(assets.path)\n' },
  inputs: { n: z.int() },
  embeddedArtifact: '/data/assets',
  embeddedInputs: { assets: Artifact },
});

describe('tarArchive', () => {
  it('lays members out as Python tarfile does, with fixed owner and time', () => {
    // GIVEN a directory, a file in it and a link
    const tar = tarArchive([
      { type: 'dir', name: '.', mode: 0o755 },
      { type: 'file', name: './a.txt', bytes: bytes('abc'), mode: 0o644 },
      { type: 'symlink', name: './b', target: 'a.txt', mode: 0o777 },
    ]);
    // WHEN it is read back
    const members = readTar(tar);
    // THEN directories end in '/', each header has the ustar magic, owner 0 and time 0, and the whole is one 10240-byte record
    expect(members).toEqual([
      ['./', '5', '0000755', 0, ''],
      ['./a.txt', '0', '0000644', 3, 'abc'],
      ['./b', '2', '0000777', 0, ''],
    ]);
    expect(tar.length).toBe(10240);
    expect(text(tar.subarray(257, 265))).toBe('ustar\x0000');
    expect(text(tar.subarray(108, 116))).toBe('0000000\0');
    expect(text(tar.subarray(136, 148))).toBe('00000000000\0');
    // the checksum is six octal digits, a NUL and a space, over the header with the field as spaces
    const h = new Uint8Array(tar.subarray(0, 512));
    const stored = text(h.subarray(148, 156));
    h.set(bytes('        '), 148);
    expect(stored).toBe(`${h.reduce((a, b) => a + b, 0).toString(8).padStart(6, '0')}\0 `);
    expect(text(tar.subarray(512 + 512 + 512 + 157, 512 + 512 + 512 + 157 + 5))).toBe('a.txt');
  });

  it('puts a name longer than 100 characters or not ASCII in a pax record before the member', () => {
    // GIVEN a member with a long name and one with a non-ASCII name
    const long = `./${'d'.repeat(120)}.txt`;
    const tar = tarArchive([
      { type: 'file', name: long, bytes: bytes('x'), mode: 0o644 },
      { type: 'file', name: './café.txt', bytes: bytes('y'), mode: 0o644 },
    ]);
    // WHEN it is read back
    const members = readTar(tar);
    // THEN each is preceded by a ././@PaxHeader member whose record carries the whole name, length included
    expect(members.map((m) => [m[0], m[1]])).toEqual([
      ['././@PaxHeader', 'x'],
      [long.slice(0, 100), '0'],
      ['././@PaxHeader', 'x'],
      ['./caf?.txt', '0'],
    ]);
    // " path=" + the name + "\n" is 133 bytes; with its own three digits the record is 136
    expect(members[0]![4]).toBe(`136 path=${long}\n`);
    expect(members[0]![3]).toBe(136);
    expect(members[2]![4]).toBe('20 path=./café.txt\n');
  });
});

describe('tarArchive byte for byte', () => {
  it('writes the bytes Python tarfile writes at the ustar field limits', () => {
    // GIVEN members at the edges: a directory already ending in '/', a 100-character name (fits),
    // a 101-character name and link target (pax path and linkpath records), a 100-character target
    // (fits), and the first non-ASCII character U+0080
    const tar = tarArchive([
      { type: 'dir', name: 'd/', mode: 0o755 },
      { type: 'file', name: 'n'.repeat(100), bytes: bytes('x'), mode: 0o644 },
      { type: 'symlink', name: 'l'.repeat(101), target: 't'.repeat(101), mode: 0o777 },
      { type: 'symlink', name: 'k', target: 'u'.repeat(100), mode: 0o777 },
      { type: 'file', name: '\x80', bytes: bytes('y'.repeat(8000)), mode: 0o600 },
    ]);
    // THEN it is the archive Python 3.11 writes: the expected length and SHA-256 were computed once with
    //   tarfile.open(fileobj=buf, mode='w', format=tarfile.PAX_FORMAT), each TarInfo with mtime 0,
    //   uid/gid 0, uname/gname '', the same names, types, modes, link targets and data
    expect(tar.length).toBe(20480);
    expect(createHash('sha256').update(tar).digest('hex')).toBe('9c52b81b293b082a6a6e52ffc1b78460e179b888fa5ee78934aa2ed1758d04c6');
  });

  it('pads to a second 10240-byte record when the two closing zero blocks do not fit in the first', () => {
    // Python tarfile: a 8703-byte file gives 10240 bytes, a 9216-byte one 20480
    expect(tarArchive([{ type: 'file', name: 'f', bytes: new Uint8Array(8703), mode: 0o644 }]).length).toBe(10240);
    expect(tarArchive([{ type: 'file', name: 'f', bytes: new Uint8Array(9216), mode: 0o644 }]).length).toBe(20480);
  });
});

describe('embedded artifacts', () => {
  it('archives a directory as kfp does and leaves the EmbeddedInput out of the interface', () => {
    // GIVEN a component embedding a directory, with an embedded input next to a parameter
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(readAssets, { n: 1 });
    });
    // WHEN it is compiled with what was read at the path
    const spec = compileOk(p, { embedded: new Map([['/data/assets', DIR]]) });
    const program = programOf(spec, 'exec-read-assets');
    // THEN the interface has only the parameter
    expect(spec.components['comp-read-assets'].inputDefinitions).toEqual({ parameters: { n: { parameterType: 'NUMBER_INTEGER' } } });
    // AND the helper sits between the imports and the function, with no single-file variable
    expect(program).toMatch(/^\nimport kfp\nfrom kfp import dsl\nfrom kfp\.dsl import \*\nfrom typing import \*\n\n__KFP_EMBEDDED_ARCHIVE_B64 = '[A-Za-z0-9+/=]+'\n\nimport base64 as __kfp_b64\n/);
    expect(program).toContain("    __kfp_sys.path.insert(0, __KFP_EMBEDDED_ASSET_DIR)\n\n\n\n\ndef read_assets(");
    expect(program).not.toContain('__KFP_EMBEDDED_ASSET_FILE');
    // AND the archive holds '.', then each entry under './' in the order read, executables 0755
    expect(readTar(archiveOf(program)).map(([n, t, m]) => [n, t, m])).toEqual([
      ['./', '5', '0000755'],
      ['./config.json', '0', '0000644'],
      ['./run.sh', '0', '0000755'],
      ['./vocab/', '5', '0000755'],
      ['./vocab/words.txt', '0', '0000644'],
    ]);
  });

  it('archives a single file under its own name and names it in __KFP_EMBEDDED_ASSET_FILE', () => {
    // GIVEN a component embedding one file
    const c = pythonComponent({ name: 'echo', source: { code: 'def echo():\n    pass\n' }, embeddedArtifact: new URL('file:///data/log.txt') });
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(c, {});
    });
    // WHEN it is compiled
    const spec = compileOk(p, { embedded: new Map([['/data/log.txt', { kind: 'file', name: 'log.txt', bytes: bytes('Hello, world!'), executable: false }]]) });
    const program = programOf(spec, 'exec-echo');
    // THEN the file is the archive's only member and the helper names it
    expect(readTar(archiveOf(program))).toEqual([['log.txt', '0', '0000644', 13, 'Hello, world!']]);
    expect(program).toContain("\n\n__KFP_EMBEDDED_ASSET_FILE = __kfp_os.path.join(__KFP_EMBEDDED_ASSET_DIR, 'log.txt')\n\n\n\n\ndef echo():");
  });

  it('gives the same bytes for the same files: no time or owner in the archive', () => {
    // GIVEN one pipeline compiled twice
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(readAssets, { n: 1 });
    });
    const embedded = new Map([['/data/assets', DIR]]);
    // WHEN the programs are compared
    const program = programOf(compileOk(p, { embedded }), 'exec-read-assets');
    // THEN they are identical
    expect(programOf(compileOk(p, { embedded }), 'exec-read-assets')).toBe(program);
    // AND (so that two compiles a second or a machine apart agree too) the gzip header's MTIME is 0
    const gz = Buffer.from(/__KFP_EMBEDDED_ARCHIVE_B64 = '([^']*)'/.exec(program)![1]!, 'base64');
    expect([...gz.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    // AND every member's uid, gid and mtime are 0, and its user and group names empty
    const tar = archiveOf(program);
    const headers: Uint8Array[] = [];
    for (let at = 0; at + 512 <= tar.length && !tar.subarray(at, at + 512).every((b) => b === 0); ) {
      const h = tar.subarray(at, at + 512);
      headers.push(h);
      at += 512 + Math.ceil(parseInt(text(h.subarray(124, 136)).replace(/\0.*$/s, ''), 8) / 512) * 512;
    }
    expect(headers).toHaveLength(5);
    for (const h of headers) {
      expect([text(h.subarray(108, 116)), text(h.subarray(116, 124)), text(h.subarray(136, 148))]).toEqual(['0000000\0', '0000000\0', '00000000000\0']);
      expect([...h.subarray(265, 265 + 64)].every((b) => b === 0)).toBe(true);
    }
  });

  it('lists the paths a pipeline embeds, nested pipelines included', () => {
    // GIVEN a pipeline using the component inside a pipeline used as a component
    const inner = pipeline({ name: 'inner' }, (_p, s) => {
      s.task(readAssets, { n: 1 });
    });
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      s.task(inner, {});
    });
    // WHEN its embedded paths are listed
    // THEN the asset is there once, with the task that needs it
    expect([...embeddedAssetPaths(outer.build())]).toEqual([['/data/assets', ['inner', 'read-assets', 'component', 'read_assets']]]);
  });

  it('checks embedded inputs against the Python signature', () => {
    // GIVEN embedded inputs that are misdeclared in four ways (a wrong class, a missing parameter,
    // an undeclared EmbeddedInput, a parameter without annotation)
    const code = [
      'def f(a: dsl.EmbeddedInput[dsl.Model], b: str, c: EmbeddedInput[Dataset], d):',
      '    pass',
    ].join('\n');
    const c = pythonComponent({
      name: 'f',
      source: { code },
      inputs: { b: z.string() },
      embeddedArtifact: '/data/assets',
      embeddedInputs: { a: Dataset, missing: Artifact, d: Artifact },
    });
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(c, { b: 'x' });
    });
    // WHEN it is compiled
    const ds = compileErrors(p, { embedded: new Map([['/data/assets', DIR]]) });
    // THEN the wrong class, the missing parameter and the undeclared EmbeddedInput are each reported at their name
    expect(codesAndPaths(ds)).toEqual([
      ['python/embedded-input-mismatch', 'p/f/component/f/a'],
      ['python/embedded-input-mismatch', 'p/f/component/f/missing'],
      ['python/embedded-input-mismatch', 'p/f/component/f/d'],
      ['python/embedded-input-mismatch', 'p/f/component/f/c'],
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      "declared as an embedded system.Dataset but the Python annotation is 'dsl.EmbeddedInput[dsl.Model]' (expected EmbeddedInput[Dataset])",
      "the declaration has an embedded input 'missing' that the Python function 'f' does not take; add 'missing: dsl.EmbeddedInput[dsl.Artifact]' or remove it",
      "declared as an embedded system.Artifact but the Python annotation is '(none)' (expected EmbeddedInput[Artifact])",
      "the Python parameter 'c' is an EmbeddedInput; declare it in embeddedInputs (and give the component embeddedArtifact or a notebook)",
    ]);
  });

  it('refuses an embedded input that is also an input, embedded inputs with nothing embedded, and a target image', () => {
    // GIVEN three misconfigured components (built without the type checks, as from JavaScript)
    const code = 'def g(a: dsl.EmbeddedInput[dsl.Artifact]):\n    pass\n';
    const clash = pythonComponent({ name: 'g', source: { code }, inputs: { a: input(Artifact) }, embeddedArtifact: '/d', embeddedInputs: { a: Artifact } as never });
    const bare = pythonComponent({ name: 'g', source: { code }, embeddedInputs: { a: Artifact } });
    const image = pythonComponent({ name: 'g', source: { code }, targetImage: 'img', embeddedArtifact: '/d', embeddedInputs: { a: Artifact } });
    const p = pipeline({ name: 'p', inputs: { art: input(Artifact) } }, (p, s) => {
      s.task(clash, { a: p.art });
      s.task(bare, {});
      s.task(image, {});
    });
    // WHEN it is compiled
    const ds = compileErrors(p, { embedded: new Map([['/d', DIR]]) });
    // THEN each is reported
    expect(codesAndPaths(ds).filter(([c]) => c !== 'python/signature-mismatch')).toEqual([
      ['python/embedded-input-mismatch', 'p/g/component/g/a'],
      ['python/embedded-input-without-asset', 'p/g-2/component/g'],
      ['python/embedded-with-target-image', 'p/g-3/component/g'],
    ]);
    expect(ds.filter((d) => d.code !== 'python/signature-mismatch').map((d) => d.message)).toEqual([
      "'a' is declared both as an embedded input and as an input or output; an embedded input is not part of the component's interface, keep one",
      'embeddedInputs are given but nothing is embedded; add embeddedArtifact (a file or directory)',
      'a component built into an image (targetImage) runs the function from the image, so kfp drops the embedded artifact; remove one of the two',
    ]);
  });

  it('reports an EmbeddedInput parameter of a component that declares no embedded inputs', () => {
    const c = pythonComponent({ name: 'h', source: { code: 'def h(e: dsl.EmbeddedInput[dsl.Dataset]):\n    pass\n' } });
    const p = pipeline({ name: 'p' }, (_p, s) => void s.task(c, {}));
    expect(compileErrors(p).map((d) => [d.code, d.path.join('/'), d.message])).toEqual([
      ['python/embedded-input-mismatch', 'p/h/component/h/e', "the Python parameter 'e' is an EmbeddedInput; declare it in embeddedInputs (and give the component embeddedArtifact or a notebook)"],
    ]);
  });

  it('reports a path that was not read', () => {
    // GIVEN a component whose embedded path is missing from what was read
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(readAssets, { n: 1 });
    });
    // WHEN it is compiled
    // THEN the path is reported
    const ds = compileErrors(p, { embedded: new Map() });
    expect(codesAndPaths(ds)).toEqual([['python/embedded-missing', 'p/read-assets/component/read_assets']]);
    expect(ds[0]!.message).toBe('the embedded artifact /data/assets was not read (compileToYaml and kfp-ts compile read it; with compilePipeline, pass it in options.embedded)');
  });
});

describe('notebook components', () => {
  const code = 'def run(text: str, model: dsl.Output[dsl.Model]):\n    dsl.run_notebook(text=text)\n';
  const nb = (notebook: string, packagesToInstall?: readonly string[]) =>
    notebookComponent({ name: 'run', source: { code }, notebook, inputs: { text: z.string() }, outputs: { model: output(Model) }, ...(packagesToInstall ? { packagesToInstall } : {}) });
  const NOTEBOOK: EmbeddedTree = { kind: 'file', name: 'train.ipynb', bytes: bytes('{"cells": []}'), executable: false };

  it('installs kfp\'s notebook packages by default and embeds the notebook with the runner', () => {
    // GIVEN a notebook component with default packages
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(nb('/nb/train.ipynb'), { text: 'x' });
    });
    // WHEN it is compiled
    const spec = compileOk(p, { embedded: new Map([['/nb/train.ipynb', NOTEBOOK]]) });
    const command: string[] = spec.deploymentSpec.executors['exec-run'].container.command;
    // THEN nbclient, ipykernel and jupyter_client are installed before kfp
    expect(command[2]).toContain("install --quiet --no-warn-script-location 'nbclient>=0.10,<1' 'ipykernel>=6,<7' 'jupyter_client>=7,<9'  &&  python3 -m pip install");
    // AND the program names the notebook and binds dsl.run_notebook before the function
    const program = command[command.length - 1]!;
    expect(program).toContain("__KFP_NOTEBOOK_REL_PATH = 'train.ipynb'\n");
    expect(program).toContain('\ndsl.run_notebook = kfp_run_notebook\n\n\ndef run(text: str');
    expect(readTar(archiveOf(program))).toEqual([['train.ipynb', '0', '0000644', 13, '{"cells": []}']]);
    // AND the interface is the function's
    expect(Object.keys(spec.components['comp-run'].outputDefinitions.artifacts)).toEqual(['model']);
  });

  it('installs nothing but kfp with packagesToInstall: []', () => {
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(nb('/nb/train.ipynb', []), { text: 'x' });
    });
    const spec = compileOk(p, { embedded: new Map([['/nb/train.ipynb', NOTEBOOK]]) });
    expect(spec.deploymentSpec.executors['exec-run'].container.command[2]).not.toContain('nbclient');
  });

  it('finds the one notebook of a directory, outside .ipynb_checkpoints, and archives the whole directory', () => {
    // GIVEN a directory with a notebook in a subdirectory and a checkpoint copy
    const dir: EmbeddedTree = {
      kind: 'dir',
      entries: [
        { kind: 'dir', path: '.ipynb_checkpoints' },
        { kind: 'file', path: '.ipynb_checkpoints/train-checkpoint.ipynb', bytes: bytes('{}'), executable: false },
        { kind: 'dir', path: 'src' },
        { kind: 'file', path: 'src/train.ipynb', bytes: bytes('{}'), executable: false },
      ],
    };
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(nb('/nb'), { text: 'x' });
    });
    // WHEN it is compiled
    const program = programOf(compileOk(p, { embedded: new Map([['/nb', dir]]) }), 'exec-run');
    // THEN the notebook's path is relative to the directory, and the checkpoint is archived too
    expect(program).toContain("__KFP_NOTEBOOK_REL_PATH = 'src/train.ipynb'\n");
    expect(readTar(archiveOf(program)).map((m) => m[0])).toEqual(['./', './.ipynb_checkpoints/', './.ipynb_checkpoints/train-checkpoint.ipynb', './src/', './src/train.ipynb']);
  });

  it('refuses a file that is not a notebook and a directory without exactly one', () => {
    // GIVEN three notebook components: a .py file, an empty directory, a directory with two notebooks
    const two: EmbeddedTree = {
      kind: 'dir',
      entries: [
        { kind: 'file', path: 'a.ipynb', bytes: bytes('{}'), executable: false },
        { kind: 'file', path: 'b.ipynb', bytes: bytes('{}'), executable: false },
      ],
    };
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(nb('/nb/train.py'), { text: 'x' });
      s.task(nb('/empty'), { text: 'x' });
      s.task(nb('/two'), { text: 'x' });
    });
    // WHEN it is compiled
    const ds = compileErrors(p, {
      embedded: new Map<string, EmbeddedTree>([
        ['/nb/train.py', { kind: 'file', name: 'train.py', bytes: bytes(''), executable: false }],
        ['/empty', { kind: 'dir', entries: [] }],
        ['/two', two],
      ]),
    });
    // THEN each is reported, saying what kfp needs
    expect(codesAndPaths(ds)).toEqual([
      ['python/notebook-invalid', 'p/run/component/run'],
      ['python/notebook-invalid', 'p/run-2/component/run'],
      ['python/notebook-invalid', 'p/run-3/component/run'],
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('not an .ipynb file'),
      expect.stringContaining('holds no .ipynb file'),
      expect.stringContaining('holds 2 .ipynb files (a.ipynb, b.ipynb)'),
    ]);
  });

  it('refuses a notebook name that would break the Python string', () => {
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(nb("/nb/it's.ipynb"), { text: 'x' });
    });
    const ds = compileErrors(p, { embedded: new Map([["/nb/it's.ipynb", NOTEBOOK]]) });
    expect(codesAndPaths(ds)).toEqual([['python/embedded-name', 'p/run/component/run']]);
    expect(ds[0]!.message).toBe("the name 'it's.ipynb' would break the Python string kfp writes it into; rename it without quotes, backslashes or line breaks");
  });

  it('reports a notebook that was not read as a notebook', () => {
    const p = pipeline({ name: 'p' }, (_p, s) => {
      s.task(nb('/nb/train.ipynb'), { text: 'x' });
    });
    const ds = compileErrors(p, { embedded: new Map() });
    expect(ds.map((d) => [d.code, d.message])).toEqual([
      ['python/embedded-missing', 'the notebook /nb/train.ipynb was not read (compileToYaml and kfp-ts compile read it; with compilePipeline, pass it in options.embedded)'],
    ]);
  });
});
