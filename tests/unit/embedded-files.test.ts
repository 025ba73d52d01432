/**
 * The project layer reads embedded paths (src/project/embedded-files.ts): a directory's entries in
 * the order Python's tarfile adds them, the executable bit, links kept as links.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Artifact, pipeline, pythonComponent } from '../../src/index.ts';
import { readEmbeddedAssets } from '../../src/project/embedded-files.ts';

const root = mkdtempSync(path.join(tmpdir(), 'kfp-ts-embedded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const using = (p: string) =>
  pipeline({ name: 'p' }, (_p, s) => {
    s.task(pythonComponent({ name: 'f', source: { code: 'def f(a: dsl.EmbeddedInput[dsl.Artifact]):\n    pass\n' }, embeddedArtifact: p, embeddedInputs: { a: Artifact } }), {});
  }).build();

describe('readEmbeddedAssets', () => {
  it('reads a directory depth first, names sorted, keeping executables and links', async () => {
    // GIVEN a directory with files, a subdirectory, an executable and a link
    const dir = path.join(root, 'assets');
    mkdirSync(path.join(dir, 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'c.txt'), 'c');
    writeFileSync(path.join(dir, 'b', 'x.txt'), 'x');
    writeFileSync(path.join(dir, 'a.sh'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'a.sh'), 0o755);
    symlinkSync('c.txt', path.join(dir, 'd'));
    // WHEN it is read
    const { embedded, diagnostics } = await readEmbeddedAssets(using(dir));
    // THEN the entries come in tarfile's order, with the executable bit and the link's target
    expect(diagnostics).toEqual([]);
    const tree = embedded.get(dir)!;
    expect(tree.kind).toBe('dir');
    expect(tree.kind === 'dir' && tree.entries.map((e) => [e.kind, e.path, e.kind === 'file' ? e.executable : e.kind === 'symlink' ? e.target : null])).toEqual([
      ['file', 'a.sh', true],
      ['dir', 'b', null],
      ['file', 'b/x.txt', false],
      ['file', 'c.txt', false],
      ['symlink', 'd', 'c.txt'],
    ]);
  });

  it('reads a single file, and reports a missing path', async () => {
    const file = path.join(root, 'log.txt');
    writeFileSync(file, 'Hello, world!');
    const read = await readEmbeddedAssets(using(file));
    expect(read.embedded.get(file)).toMatchObject({ kind: 'file', name: 'log.txt', executable: false });
    const missing = await readEmbeddedAssets(using(path.join(root, 'nope')));
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['python/embedded-unreadable']);
  });
});
