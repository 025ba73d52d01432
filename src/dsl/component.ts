import type { ComponentNode } from './nodes.ts';
import type { ContainerImplementation, PythonSource } from './component-node.ts';
import { assetPath, type EmbeddedAsset, type EmbeddedInputDecls, type EmbeddedNotAnInput } from './embedded.ts';
import { interfaceOf } from './interface.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { placeholder, type CommandLineElement, type PlaceholderNode } from './placeholders.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { checkContainerComponentOptions, checkContainerSpec, checkPythonComponentOptions } from './component-guards.ts';

/**
 * A typed component: the node the compiler reads, plus phantom input/output declarations that
 * type the calls made through a pipeline scope.
 */
export interface Component<I extends InputDecls = InputDecls, O extends OutputDecls = OutputDecls> {
  readonly kind: 'componentHandle';
  readonly node: ComponentNode;
  readonly __inputs?: I;
  readonly __outputs?: O;
}

/** kfp's component name for a Python function name: `train_model` → `Train model`. */
export function componentNameFromFunctionName(functionName: string): string {
  const spaced = functionName.replace(/_/g, ' ').replace(/ +/g, ' ').replace(/^ +| +$/g, '');
  return spaced.length === 0 ? spaced : spaced[0]!.toUpperCase() + spaced.slice(1);
}

/** Options of {@link pythonComponent}: kfp's `@dsl.component` arguments, and the function's inputs and outputs. */
export interface PythonComponentOptions<I extends InputDecls, O extends OutputDecls> {
  /** The Python function's name; it must be defined in `source`. */
  readonly name: string;
  /**
   * The file that holds the function (a `URL` such as `new URL('./train_model.py', import.meta.url)`
   * or an absolute path), or `{ code }` for inline source.
   */
  readonly source: URL | string | { readonly code: string };
  readonly inputs?: I;
  readonly outputs?: O;
  /** Defaults to kfp's default, `python:3.11`. */
  readonly baseImage?: string;
  readonly packagesToInstall?: readonly string[];
  readonly pipIndexUrls?: readonly string[];
  readonly pipTrustedHosts?: readonly string[];
  /** Install the kfp package in the container before running (kfp's default: true). */
  readonly installKfpPackage?: boolean;
  /** The kfp version for the injected `pip install kfp==…` (default: the compile option, 2.17.3). */
  readonly kfpVersion?: string;
  /**
   * Install kfp from this pip requirement or URL instead (kfp's `kfp_package_path`, e.g.
   * `git+https://github.com/kubeflow/pipelines.git@refs/pull/123/head#subdirectory=sdk/python`).
   */
  readonly kfpPackagePath?: string;
  /**
   * kfp's `target_image`: the function is built into this image (e.g. with `kfp component build`),
   * so the task runs the image instead of embedding the function's source.
   */
  readonly targetImage?: string;
  readonly useVenv?: boolean;
  /**
   * A file or directory embedded in the program (kfp's `embedded_artifact_path`): a `URL` or an
   * absolute path. At run time it is extracted to a temporary directory that is put on `sys.path`.
   */
  readonly embeddedArtifact?: URL | string;
  /**
   * The function's `dsl.EmbeddedInput[T]` parameters, by name (`{ artifact: Dataset }`): not
   * inputs of the component; kfp hands each an artifact whose `path` is the extracted asset.
   */
  readonly embeddedInputs?: EmbeddedInputDecls;
}

export const KFP_DEFAULT_BASE_IMAGE = 'python:3.11';

function pythonSourceOf(source: PythonComponentOptions<InputDecls, OutputDecls>['source']): PythonSource {
  if (source instanceof URL) return { kind: 'file', path: decodeURIComponent(source.pathname) };
  if (typeof source === 'string') return { kind: 'file', path: source };
  return { kind: 'inline', code: source.code };
}

/** The node form of an embedded asset; no path (inputs declared alone) is reported by the compiler. */
export function embeddedAssetOf(kind: EmbeddedAsset['kind'], location: URL | string | undefined, inputs: EmbeddedInputDecls | undefined): EmbeddedAsset {
  return Object.freeze({ kind, path: location === undefined ? '' : assetPath(location), inputs: Object.freeze({ ...inputs }) });
}

/**
 * Declares a Python lightweight component (kfp's `@dsl.component`). The compiler embeds the
 * function's source and checks that its signature agrees with these declarations.
 *
 * @example
 * export const trainModel = pythonComponent({
 *   name: 'train_model',
 *   source: new URL('./train_model.py', import.meta.url),
 *   inputs: { training_data: input(Dataset), n_estimators: z.int().default(100) },
 *   outputs: { model_output: output(Model) },
 *   baseImage: 'python:3.10',
 *   packagesToInstall: ['scikit-learn'],
 * });
 *
 * // A directory embedded in the program; `vocab: dsl.EmbeddedInput[dsl.Artifact]` points at it.
 * export const tokenize = pythonComponent({
 *   name: 'tokenize',
 *   source: new URL('./tokenize.py', import.meta.url),
 *   embeddedArtifact: new URL('./vocab/', import.meta.url),
 *   embeddedInputs: { vocab: Artifact },
 * });
 */
export function pythonComponent<const I extends InputDecls = {}, const O extends OutputDecls = {}, const E extends EmbeddedInputDecls = {}>(
  options: PythonComponentOptions<I, O> & { readonly embeddedInputs?: E & EmbeddedNotAnInput<E, I, O> },
): Component<I, O> {
  // Plain JavaScript may pass anything: checked and copied here, where the component is declared.
  options = checkPythonComponentOptions(options, 'pythonComponent') as unknown as typeof options;
  const node: ComponentNode = {
    kind: 'component',
    name: componentNameFromFunctionName(options.name),
    interface: interfaceOf(options.inputs, options.outputs),
    implementation: Object.freeze({
      kind: 'python',
      functionName: options.name,
      source: pythonSourceOf(options.source),
      baseImage: options.baseImage ?? KFP_DEFAULT_BASE_IMAGE,
      packagesToInstall: Object.freeze([...(options.packagesToInstall ?? [])]),
      pipIndexUrls: Object.freeze([...(options.pipIndexUrls ?? [])]),
      ...(options.pipTrustedHosts ? { pipTrustedHosts: Object.freeze([...options.pipTrustedHosts]) } : {}),
      installKfpPackage: options.installKfpPackage ?? true,
      ...(options.kfpVersion ? { kfpVersion: options.kfpVersion } : {}),
      ...(options.kfpPackagePath ? { kfpPackagePath: options.kfpPackagePath } : {}),
      ...(options.targetImage ? { targetImage: options.targetImage } : {}),
      useVenv: options.useVenv ?? false,
      ...(options.embeddedArtifact !== undefined || options.embeddedInputs !== undefined
        ? { embedded: embeddedAssetOf('artifact', options.embeddedArtifact, options.embeddedInputs) }
        : {}),
    }),
  };
  return madeByKfpTs(Object.freeze({ kind: 'componentHandle', node: Object.freeze(node) }));
}

/** The placeholders of one artifact: its local path, URI, metadata, or one metadata field. */
export interface ArtifactPlaceholders {
  readonly path: PlaceholderNode;
  readonly uri: PlaceholderNode;
  readonly metadata: PlaceholderNode;
  /** One field of the metadata (kfp's `artifact.metadata['key']`). */
  metadataField(key: string): PlaceholderNode;
}

/** Placeholders for a container component's own inputs, handed to its `implementation`. */
export type InputPlaceholders<I extends InputDecls> = {
  readonly [K in keyof I]: I[K] extends { kind: 'artifactInput'; isList: true }
    ? PlaceholderNode
    : I[K] extends { kind: 'artifactInput' }
      ? ArtifactPlaceholders
      : PlaceholderNode;
};

/** Placeholders for a container component's own outputs: an artifact's path, URI and metadata, or a parameter's output file path. */
export type OutputPlaceholders<O extends OutputDecls> = {
  readonly [K in keyof O]: O[K] extends { kind: 'artifactOutput' }
    ? ArtifactPlaceholders
    : { readonly path: PlaceholderNode };
};

/** The container a container component runs: image, command and args. */
export interface ContainerSpecDecl {
  readonly image: string;
  readonly command?: readonly CommandLineElement[];
  readonly args?: readonly CommandLineElement[];
}

/** Options of {@link containerComponent}: inputs, outputs and the container the component runs. */
export interface ContainerComponentOptions<I extends InputDecls, O extends OutputDecls> {
  /** Component name as a Python function name would be (`train_model`); kfp derives task names from it. */
  readonly name: string;
  readonly inputs?: I;
  readonly outputs?: O;
  /** The container to run, given placeholders for the component's own inputs and outputs. */
  readonly implementation: (io: { inputs: InputPlaceholders<I>; outputs: OutputPlaceholders<O> }) => ContainerSpecDecl;
}

function inputPlaceholders(inputs: InputDecls): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(inputs)) {
    const d = decl as { kind?: string; isList?: boolean };
    // A list of artifacts is passed whole: `{{$.inputs.artifacts['parts']}}`.
    if (d.kind === 'artifactInput' && d.isList) {
      out[name] = placeholder({ kind: 'inputArtifactList', name });
      continue;
    }
    out[name] =
      d.kind === 'artifactInput'
        ? {
            path: placeholder({ kind: 'inputPath', name }),
            uri: placeholder({ kind: 'inputUri', name }),
            metadata: placeholder({ kind: 'inputMetadata', name }),
            metadataField: (key: string) => placeholder({ kind: 'inputMetadata', name, key }),
          }
        : placeholder({ kind: 'inputValue', name });
  }
  return out;
}

function outputPlaceholders(outputs: OutputDecls): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(outputs)) {
    out[name] =
      (decl as { kind?: string }).kind === 'artifactOutput'
        ? {
            path: placeholder({ kind: 'outputPath', name }),
            uri: placeholder({ kind: 'outputUri', name }),
            metadata: placeholder({ kind: 'outputMetadata', name }),
            metadataField: (key: string) => placeholder({ kind: 'outputMetadata', name, key }),
          }
        : { path: placeholder({ kind: 'outputParameterFile', name }) };
  }
  return out;
}

/**
 * Declares a container component (kfp's `@dsl.container_component`).
 *
 * @example
 * const echo = containerComponent({
 *   name: 'echo',
 *   inputs: { text: z.string() },
 *   implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.text] }),
 * });
 */
export function containerComponent<const I extends InputDecls = {}, const O extends OutputDecls = {}>(
  options: ContainerComponentOptions<I, O>,
): Component<I, O> {
  options = checkContainerComponentOptions(options) as unknown as typeof options;
  const spec = checkContainerSpec(
    options.implementation({
      inputs: inputPlaceholders(options.inputs ?? {}) as InputPlaceholders<I>,
      outputs: outputPlaceholders(options.outputs ?? {}) as OutputPlaceholders<O>,
    }),
    options.name,
  ) as unknown as ContainerSpecDecl;
  const implementation: ContainerImplementation = Object.freeze({
    kind: 'container',
    image: spec.image,
    command: Object.freeze([...(spec.command ?? [])]),
    args: Object.freeze([...(spec.args ?? [])]),
  });
  const node: ComponentNode = {
    kind: 'component',
    name: componentNameFromFunctionName(options.name),
    interface: interfaceOf(options.inputs, options.outputs),
    implementation,
  };
  return madeByKfpTs(Object.freeze({ kind: 'componentHandle', node: Object.freeze(node) }));
}
