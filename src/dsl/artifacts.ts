import { describe, optionsObject, requireOptionalString, wrongValue } from './value-guards.ts';

/**
 * Artifact types, as the IR names them (`schemaTitle` + `schemaVersion`). The title is kept as a
 * string literal type so that a Model output wired into a Dataset input is a TypeScript error.
 */
export interface ArtifactType<T extends string = string> {
  readonly kind: 'artifactType';
  readonly schemaTitle: T;
  readonly schemaVersion: string;
  /**
   * For a custom type used by Python components: the Python class, fully qualified
   * (`bq_types.BQTable`). kfp imports it into the component program.
   */
  readonly pythonClass?: string;
}

/**
 * Declares a custom artifact type. kfp accepts only the `system` and `google` namespaces and a
 * three-part version; a Python component that uses the type needs `pythonClass`, the class's
 * fully qualified name, so the program can import it.
 *
 * @example const BQTable = artifactType('google.BQTable', '0.1.0', { pythonClass: 'bq_types.BQTable' });
 */
export function artifactType<T extends string>(
  schemaTitle: T,
  schemaVersion = '0.0.1',
  options: { readonly pythonClass?: string } = {},
): ArtifactType<T> {
  if (typeof schemaTitle !== 'string') wrongValue('wrong-value', 'artifactType', `artifactType() takes a schema title (a string, e.g. 'google.BQTable'); got ${describe(schemaTitle)}`);
  if (typeof schemaVersion !== 'string') wrongValue('wrong-value', 'artifactType', `artifactType() takes a version string (e.g. '0.0.1'); got ${describe(schemaVersion)}`);
  requireOptionalString(optionsObject(options, ['pythonClass'], 'artifactType', "artifactType()'s options").pythonClass, 'artifactType', "artifactType()'s pythonClass");
  return Object.freeze({
    kind: 'artifactType',
    schemaTitle,
    schemaVersion,
    ...(options.pythonClass !== undefined ? { pythonClass: options.pythonClass } : {}),
  });
}

/** A generic artifact (kfp's `dsl.Artifact`, `system.Artifact`); as an input it accepts any artifact type. */
export const Artifact = artifactType('system.Artifact');
/** A dataset (kfp's `dsl.Dataset`, `system.Dataset`). */
export const Dataset = artifactType('system.Dataset');
/** A trained model (kfp's `dsl.Model`, `system.Model`). */
export const Model = artifactType('system.Model');
/** Scalar metrics the KFP UI shows (kfp's `dsl.Metrics`, `system.Metrics`). */
export const Metrics = artifactType('system.Metrics');
/** Confusion matrix and ROC curve (kfp's `dsl.ClassificationMetrics`). */
export const ClassificationMetrics = artifactType('system.ClassificationMetrics');
/** Classification metrics per slice (kfp's `dsl.SlicedClassificationMetrics`). */
export const SlicedClassificationMetrics = artifactType('system.SlicedClassificationMetrics');
/** An HTML page the KFP UI renders (kfp's `dsl.HTML`). */
export const HTML = artifactType('system.HTML');
/** A Markdown document the KFP UI renders (kfp's `dsl.Markdown`). */
export const Markdown = artifactType('system.Markdown');

/** The Python class names kfp uses for the system types (for signature checks). */
export const PYTHON_ARTIFACT_CLASS: Readonly<Record<string, string>> = {
  'system.Artifact': 'Artifact',
  'system.Dataset': 'Dataset',
  'system.Model': 'Model',
  'system.Metrics': 'Metrics',
  'system.ClassificationMetrics': 'ClassificationMetrics',
  'system.SlicedClassificationMetrics': 'SlicedClassificationMetrics',
  'system.HTML': 'HTML',
  'system.Markdown': 'Markdown',
};
