/**
 * embeddedHelper (python/embedded-program.ts) on its own: what it refuses, with which message, and
 * when it warns about size. The archive layout itself is covered in embedded-assets.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { EmbeddedTree } from '../../src/python/index.ts';
import { embeddedHelper } from '../../src/compiler/python/embedded-program.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const WHERE = ['p', 't', 'component', 'f'];

function helper(kind: 'artifact' | 'notebook', path: string, tree: EmbeddedTree | undefined) {
  const ds: Diagnostic[] = [];
  const text = embeddedHelper({ kind, path, inputs: {} }, tree, WHERE, (d) => ds.push(d));
  return { text, ds: ds.map((d) => [d.code, d.severity ?? 'error', d.message]) };
}

/** Bytes gzip cannot shrink: a fixed linear congruential sequence (the same on every run). */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('embeddedHelper', () => {
  it('refuses something that is neither a file nor a directory', () => {
    const r = helper('artifact', '/dev/sock', { kind: 'other' });
    expect(r.text).toBeUndefined();
    expect(r.ds).toEqual([['python/embedded-unsupported', 'error', 'the embedded artifact /dev/sock is neither a file nor a directory']]);
  });

  it('refuses a directory holding entries it cannot archive, naming them all', () => {
    const r = helper('artifact', '/d', {
      kind: 'dir',
      entries: [
        { kind: 'other', path: 'fifo' },
        { kind: 'file', path: 'ok.txt', bytes: bytes('x'), executable: false },
        { kind: 'other', path: 'sub/sock' },
      ],
    });
    expect(r.text).toBeUndefined();
    expect(r.ds).toEqual([['python/embedded-unsupported', 'error', '/d holds entries that are neither files, directories nor symbolic links (fifo, sub/sock); they cannot be archived']]);
  });

  it("refuses a file whose own name would break kfp's single-quoted string, but not a directory whose path would", () => {
    const file = helper('artifact', '/d/it\'s.txt', { kind: 'file', name: "it's.txt", bytes: bytes('x'), executable: false });
    expect(file.text).toBeUndefined();
    expect(file.ds).toEqual([['python/embedded-name', 'error', "the name 'it's.txt' would break the Python string kfp writes it into; rename it without quotes, backslashes or line breaks"]]);
    // a directory's own name is not written into the program (it is archived as '.')
    const dir = helper('artifact', "/d/it's", { kind: 'dir', entries: [{ kind: 'file', path: 'a.txt', bytes: bytes('x'), executable: false }] });
    expect(dir.ds).toEqual([]);
    expect(dir.text).toContain("__KFP_EMBEDDED_ARCHIVE_B64 = '");
    expect(dir.text).not.toContain('__KFP_EMBEDDED_ASSET_FILE');
  });

  it('finds the notebook among files only, and returns nothing after refusing a notebook', () => {
    // a directory named like a notebook is no notebook
    const ok = helper('notebook', '/nb', {
      kind: 'dir',
      entries: [
        { kind: 'dir', path: 'old.ipynb' },
        { kind: 'file', path: 'a.ipynb', bytes: bytes('{}'), executable: false },
      ],
    });
    expect(ok.ds).toEqual([]);
    expect(ok.text).toContain('a.ipynb');
    const bad = helper('notebook', '/nb', { kind: 'dir', entries: [{ kind: 'dir', path: 'old.ipynb' }] });
    expect(bad.text).toBeUndefined();
    expect(bad.ds).toEqual([['python/notebook-invalid', 'error', 'the directory /nb holds no .ipynb file; a notebook component needs exactly one']]);
  });

  it('warns (and still embeds) above 1 MiB compressed, and is silent below', () => {
    const small = helper('artifact', '/d/small.bin', { kind: 'file', name: 'small.bin', bytes: noise(1000), executable: false });
    expect(small.ds).toEqual([]);
    const big = helper('artifact', '/d/big.bin', { kind: 'file', name: 'big.bin', bytes: noise(1200 * 1024), executable: false });
    expect(big.text).toContain("__KFP_EMBEDDED_ASSET_FILE = __kfp_os.path.join(__KFP_EMBEDDED_ASSET_DIR, 'big.bin')");
    expect(big.ds).toEqual([['python/embedded-large', 'warning', 'the embedded artifact /d/big.bin is 1.2MB compressed; consider moving large assets to a container image or object store']]);
  });
});
