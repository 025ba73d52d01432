import { lstat, readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineNode } from '../dsl/nodes.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { embeddedAssetPaths, type EmbeddedEntry, type EmbeddedTree } from '../python/index.ts';
import { readPaths } from './read-paths.ts';

const isExecutable = (mode: number) => (mode & 0o100) !== 0;

/** A directory's entries as Python's `tarfile.add` walks it: names sorted, depth first, links not followed. */
async function walk(dir: string, rel: string, out: EmbeddedEntry[]): Promise<void> {
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    const full = path.join(dir, name);
    const p = rel ? `${rel}/${name}` : name;
    const st = await lstat(full);
    if (st.isSymbolicLink()) out.push({ kind: 'symlink', path: p, target: await readlink(full) });
    else if (st.isDirectory()) {
      out.push({ kind: 'dir', path: p });
      await walk(full, p, out);
    } else if (st.isFile()) out.push({ kind: 'file', path: p, bytes: new Uint8Array(await readFile(full)), executable: isExecutable(st.mode) });
    else out.push({ kind: 'other', path: p });
  }
}

async function readTree(p: string): Promise<EmbeddedTree> {
  // The asset itself may be a link (kfp archives what it points to).
  const st = await stat(p);
  if (st.isFile()) return { kind: 'file', name: path.basename(p), bytes: new Uint8Array(await readFile(p)), executable: isExecutable(st.mode) };
  if (!st.isDirectory()) return { kind: 'other' };
  const entries: EmbeddedEntry[] = [];
  await walk(p, '', entries);
  return { kind: 'dir', entries };
}

/**
 * Reads every file and directory the pipeline's components embed (`embeddedArtifact`, notebooks),
 * each once, for the compiler to archive. The compiler itself never reads files.
 */
export async function readEmbeddedAssets(pipeline: PipelineNode): Promise<{ embedded: Map<string, EmbeddedTree>; diagnostics: Diagnostic[] }> {
  const { read, diagnostics } = await readPaths(
    embeddedAssetPaths(pipeline),
    readTree,
    'python/embedded-unreadable',
    (p) => `the embedded path ${p} does not exist; fix the component's embeddedArtifact or notebook`,
  );
  return { embedded: read, diagnostics };
}
