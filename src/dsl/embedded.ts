import type { ArtifactType } from './artifacts.ts';

/**
 * Runtime-only inputs of a component with an embedded asset: Python parameters annotated
 * `dsl.EmbeddedInput[T]`, by name. kfp leaves them out of the component's interface; at run time
 * its executor hands each an artifact of type `T` whose `path` is the extracted asset.
 */
export type EmbeddedInputDecls = Readonly<Record<string, ArtifactType>>;

/**
 * A file or directory embedded in a lightweight component's program (kfp's
 * `embedded_artifact_path`), or the notebook of a notebook component (`notebook_path`). The
 * compiler archives what the project layer read from `path` (tar, gzip, base64) into the program.
 */
export interface EmbeddedAsset {
  readonly kind: 'artifact' | 'notebook';
  /** Absolute path of the file or directory. */
  readonly path: string;
  readonly inputs: EmbeddedInputDecls;
}

/** A `URL` (`new URL('./data/', import.meta.url)`) or an absolute path, as a path. */
export function assetPath(location: URL | string): string {
  // Only a file: URL names a local path. Another (https:, …) is kept whole, so reading it fails
  // naming the URL, rather than its path part (`/data/`) being read from the local disk.
  const p = location instanceof URL ? (location.protocol === 'file:' ? decodeURIComponent(location.pathname) : location.href) : location;
  // `new URL('./data/', ...)` ends in a slash; kfp's archive names do not depend on it.
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/**
 * An embedded input may not share its name with an input or output (the Python function has one
 * parameter of that name): such a name is a TypeScript error at the declaration.
 */
export type EmbeddedNotAnInput<E, I, O> = [Extract<keyof E, keyof I | keyof O>] extends [never]
  ? unknown
  : { readonly [K in Extract<keyof E, keyof I | keyof O>]: 'an embedded input cannot also be declared in inputs or outputs' };
