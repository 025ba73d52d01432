/**
 * A generated module as data (what `kfp-ts codegen` writes), rendered by ./render-module.ts. Its own
 * module so that the parts that build a model and the renderer both import it, not each other.
 */

/** One import declaration of the module. */
export interface ModuleImport {
  readonly from: string;
  readonly names: readonly string[];
  /** `import * as <namespace> from …` instead of named imports. */
  readonly namespace?: string;
}

export interface ModuleStatement {
  readonly name: string;
  readonly exported: boolean;
  readonly docs?: string;
  /** The initializer's source text (formatted by the renderer). */
  readonly initializer: string;
}

export interface ModuleModel {
  /** Comment lines at the top (without `// `). */
  readonly header: readonly string[];
  readonly imports: readonly ModuleImport[];
  readonly statements: readonly ModuleStatement[];
}
