import type { JsonValue } from '../ir/index.ts';
import type { EmbeddedTree } from '../python/index.ts';

/** What the caller hands the (pure) compiler besides the pipeline. */
export interface CompileOptions {
  /** Text of every Python source file the pipeline's components name, keyed by absolute path. */
  readonly sources?: ReadonlyMap<string, string>;
  /** What was read at each path the components embed (`embeddedArtifact`, notebooks), keyed by absolute path. */
  readonly embedded?: ReadonlyMap<string, EmbeddedTree>;
  /** kfp's `--disable-execution-caching-by-default`: tasks cache only when asked to. */
  readonly disableCachingByDefault?: boolean;
  /** Overrides of the pipeline parameters' default values (kfp's `pipeline_parameters`). */
  readonly pipelineParameters?: Readonly<Record<string, JsonValue>>;
  /** The kfp version pinned in lightweight components' pip line. */
  readonly kfpVersion?: string;
  /** Written to `sdkVersion`. */
  readonly sdkVersion?: string;
  /** The user's file, for diagnostics. */
  readonly file?: string;
}

export const DEFAULT_KFP_VERSION = '2.17.3';
