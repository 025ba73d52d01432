import type { PipelineNode } from '../dsl/nodes.ts';
import { pythonComponentPaths } from './component-paths.ts';

/**
 * What the project layer read at an embedded asset's path, for the (pure) compiler to archive:
 * a single file, or a directory's entries in the order kfp's tarfile adds them (each directory's
 * names sorted, depth first), paths relative to the directory with `/` separators.
 */
export type EmbeddedTree =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array; readonly executable: boolean }
  | { readonly kind: 'dir'; readonly entries: readonly EmbeddedEntry[] }
  /** Neither a file nor a directory (a socket, a device, …): reported by the compiler. */
  | { readonly kind: 'other' };

export type EmbeddedEntry =
  | { readonly kind: 'file'; readonly path: string; readonly bytes: Uint8Array; readonly executable: boolean }
  | { readonly kind: 'dir'; readonly path: string }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  | { readonly kind: 'other'; readonly path: string };

/**
 * Every path the pipeline's components embed (nested pipelines included), each with the path of
 * the first task that needs it (for messages). The caller reads them and passes what it read as
 * `CompileOptions.embedded`.
 */
export function embeddedAssetPaths(pipeline: PipelineNode): Map<string, readonly string[]> {
  // An empty path (embedded inputs declared without an asset) is the compiler's to report, not a file to read.
  return pythonComponentPaths(pipeline, (impl) => impl.embedded?.path || undefined);
}
