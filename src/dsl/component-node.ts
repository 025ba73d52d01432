import type { ArtifactType } from './artifacts.ts';
import type { EmbeddedAsset } from './embedded.ts';
import type { ParameterSpec } from './parameter-types.ts';
import type { PipelineContainerSpec, PipelineSpec, PlatformSpec } from '../ir/index.ts';
import type { MetadataDictNode } from './importer-metadata.ts';
import type { CommandLineElement } from './placeholders.ts';

export interface ArtifactSpec {
  readonly kind: 'artifact';
  readonly artifactType: ArtifactType;
  readonly isList: boolean;
  readonly optional: boolean;
  readonly description?: string;
}

/** An input or output as the compiler sees it: normalised from zod / `input()` / `output()`. */
export type IoSpec = ParameterSpec | ArtifactSpec | InvalidSpec;

/** A declaration the builder could not map to the IR; the compiler reports it with its path. */
export interface InvalidSpec {
  readonly kind: 'invalid';
  readonly message: string;
}

/** Inputs and outputs in declaration order. */
export interface InterfaceNode {
  readonly inputs: Readonly<Record<string, IoSpec>>;
  readonly outputs: Readonly<Record<string, IoSpec>>;
}

/** Where a lightweight component's Python function lives. */
export type PythonSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'inline'; readonly code: string };

export interface PythonImplementation {
  readonly kind: 'python';
  readonly functionName: string;
  readonly source: PythonSource;
  readonly baseImage: string;
  readonly packagesToInstall: readonly string[];
  readonly pipIndexUrls: readonly string[];
  /** undefined: kfp's default (trust every index URL); [] trusts none. */
  readonly pipTrustedHosts?: readonly string[];
  readonly installKfpPackage: boolean;
  /** The kfp version pinned in the injected `pip install kfp==…` line. */
  readonly kfpVersion?: string;
  /** A containerized component's image: it runs `kfp.dsl.executor_main` on code built into the image. */
  readonly targetImage?: string;
  /** Installs kfp from this pip requirement or URL instead of `kfp==<version>` (kfp's `kfp_package_path`). */
  readonly kfpPackagePath?: string;
  readonly useVenv: boolean;
  /** A file, directory or notebook embedded in the program (kfp's `embedded_artifact_path`, `@dsl.notebook_component`). */
  readonly embedded?: EmbeddedAsset;
}

export interface ContainerImplementation {
  readonly kind: 'container';
  readonly image: string;
  readonly command: readonly CommandLineElement[];
  readonly args: readonly CommandLineElement[];
  /** Environment variables of the container itself (a loaded v1 component's `env`); a task's `withEnv` comes after them. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface ImporterImplementation {
  readonly kind: 'importer';
  readonly artifactType: ArtifactType;
  readonly reimport: boolean;
  /** The URI when it is a constant; otherwise the executor reads the task's `uri` input. */
  readonly constantUri?: string;
  /** Metadata, with placeholders (PlaceholderNode/TemplateNode) where run-time values go, keys included. */
  readonly metadata?: MetadataDictNode;
  readonly downloadToWorkspace?: boolean;
}

/**
 * A component or pipeline loaded from compiled IR (kfp's `load_component_from_file`). The
 * documents are kept whole: a pipeline's are merged in like a graph component's, a single
 * component's executor is reused.
 */
export interface IrImplementation {
  readonly kind: 'ir';
  readonly pipelineSpec: PipelineSpec;
  readonly platformSpec?: PlatformSpec;
  /** The container of the component's own executor (`exec-<name>`), when the IR is a single component. */
  readonly container?: PipelineContainerSpec;
}
