import { gzipSync } from 'node:zlib';
import type { EmbeddedAsset } from '../../dsl/embedded.ts';
import { diagnostic, warning, type DiagnosticCode } from '../../diagnostics.ts';
import type { Report } from '../context.ts';
import type { EmbeddedTree } from '../../python/index.ts';
import { NOTEBOOK_HELPER_TEMPLATE } from './notebook-helper.ts';
import { tarArchive, type TarMember } from './tar-archive.ts';

/** kfp warns above this compressed size: such assets belong in an image or an object store. */
const LARGE_ARCHIVE_BYTES = 1024 * 1024;

/** The helper `embedded_artifact_path` adds: extract the archive, put it on `sys.path`. */
function artifactHelper(archiveB64: string, fileName: string | undefined): string {
  const fileAssignment = fileName === undefined ? '' : `\n__KFP_EMBEDDED_ASSET_FILE = __kfp_os.path.join(__KFP_EMBEDDED_ASSET_DIR, '${fileName}')\n`;
  return `__KFP_EMBEDDED_ARCHIVE_B64 = '${archiveB64}'

import base64 as __kfp_b64
import io as __kfp_io
import os as __kfp_os
import sys as __kfp_sys
import tarfile as __kfp_tarfile
import tempfile as __kfp_tempfile

# Extract embedded archive at import time to ensure sys.path and globals are set
__kfp_tmpdir = __kfp_tempfile.TemporaryDirectory()
__KFP_EMBEDDED_ASSET_DIR = __kfp_tmpdir.name
try:
    __kfp_bytes = __kfp_b64.b64decode(__KFP_EMBEDDED_ARCHIVE_B64.encode('ascii'))
    with __kfp_tarfile.open(fileobj=__kfp_io.BytesIO(__kfp_bytes), mode='r:gz') as __kfp_tar:
        __kfp_tar.extractall(path=__KFP_EMBEDDED_ASSET_DIR)
except Exception as __kfp_e:
    raise RuntimeError(f'Failed to extract embedded archive: {__kfp_e}')

# Always prepend the extracted directory to sys.path for import resolution
if __KFP_EMBEDDED_ASSET_DIR not in __kfp_sys.path:
    __kfp_sys.path.insert(0, __KFP_EMBEDDED_ASSET_DIR)
${fileAssignment}
`;
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The archive's members as kfp's `tar.add` lists them: a file under its own name, a directory as `.`. */
function members(tree: Exclude<EmbeddedTree, { kind: 'other' }>, path: string): TarMember[] {
  if (tree.kind === 'file') return [{ type: 'file', name: baseName(path), bytes: tree.bytes, mode: tree.executable ? 0o755 : 0o644 }];
  const out: TarMember[] = [{ type: 'dir', name: '.', mode: 0o755 }];
  for (const e of tree.entries) {
    const name = `./${e.path}`;
    if (e.kind === 'file') out.push({ type: 'file', name, bytes: e.bytes, mode: e.executable ? 0o755 : 0o644 });
    else if (e.kind === 'dir') out.push({ type: 'dir', name, mode: 0o755 });
    else if (e.kind === 'symlink') out.push({ type: 'symlink', name, target: e.target, mode: 0o777 });
  }
  return out;
}

/** kfp's rules for `notebook_path`: an `.ipynb` file, or a directory with exactly one outside `.ipynb_checkpoints`. */
function notebookRelPath(tree: Exclude<EmbeddedTree, { kind: 'other' }>, path: string, fail: (m: string) => undefined): string | undefined {
  if (tree.kind === 'file') {
    if (!path.toLowerCase().endsWith('.ipynb')) return fail(`the notebook ${path} is not an .ipynb file; give a notebook or a directory holding one`);
    return baseName(path);
  }
  const notebooks = tree.entries.filter((e) => e.kind === 'file' && e.path.endsWith('.ipynb') && !e.path.split('/').includes('.ipynb_checkpoints'));
  if (notebooks.length === 1) return notebooks[0]!.path;
  return fail(
    notebooks.length === 0
      ? `the directory ${path} holds no .ipynb file; a notebook component needs exactly one`
      : `the directory ${path} holds ${notebooks.length} .ipynb files (${notebooks.map((n) => n.path).join(', ')}); a notebook component needs exactly one`,
  );
}

/**
 * The Python text an embedded asset adds to a component's program (between the imports and the
 * function), with the asset archived in it; undefined after reporting a problem.
 */
export function embeddedHelper(asset: EmbeddedAsset, tree: EmbeddedTree | undefined, where: readonly string[], report: Report): string | undefined {
  const what = asset.kind === 'notebook' ? 'notebook' : 'embedded artifact';
  const fail = (code: DiagnosticCode, message: string): undefined => {
    report(diagnostic(code, where, message));
    return undefined;
  };
  if (tree === undefined)
    return fail('python/embedded-missing', `the ${what} ${asset.path} was not read (compileToYaml and kfp-ts compile read it; with compilePipeline, pass it in options.embedded)`);
  if (tree.kind === 'other') return fail('python/embedded-unsupported', `the ${what} ${asset.path} is neither a file nor a directory`);
  const others = tree.kind === 'dir' ? tree.entries.filter((e) => e.kind === 'other') : [];
  if (others.length)
    return fail('python/embedded-unsupported', `${asset.path} holds entries that are neither files, directories nor symbolic links (${others.map((o) => o.path).join(', ')}); they cannot be archived`);

  const relPath = asset.kind === 'notebook' ? notebookRelPath(tree, asset.path, (m) => fail('python/notebook-invalid', m)) : undefined;
  if (asset.kind === 'notebook' && relPath === undefined) return undefined;
  // kfp writes the name into a single-quoted Python string as it is.
  const quoted = relPath ?? (tree.kind === 'file' ? baseName(asset.path) : undefined);
  if (quoted !== undefined && /['\\\n\r]/.test(quoted))
    return fail('python/embedded-name', `the name '${quoted}' would break the Python string kfp writes it into; rename it without quotes, backslashes or line breaks`);

  const gz = gzipSync(tarArchive(members(tree, asset.path)), { level: 9 });
  if (gz.length > LARGE_ARCHIVE_BYTES)
    report(warning('python/embedded-large', where, `the ${what} ${asset.path} is ${(gz.length / (1024 * 1024)).toFixed(1)}MB compressed; consider moving large assets to a container image or object store`));
  const b64 = gz.toString('base64');
  if (asset.kind === 'notebook') return NOTEBOOK_HELPER_TEMPLATE.replace('{notebook_relpath}', () => relPath!).replace('{embedded_archive}', () => b64);
  return artifactHelper(b64, tree.kind === 'file' ? baseName(asset.path) : undefined);
}
