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
  return Object.freeze({
    kind: 'artifactType',
    schemaTitle,
    schemaVersion,
    ...(options.pythonClass !== undefined ? { pythonClass: options.pythonClass } : {}),
  });
}

export const Artifact = artifactType('system.Artifact');
export const Dataset = artifactType('system.Dataset');
export const Model = artifactType('system.Model');
export const Metrics = artifactType('system.Metrics');
export const ClassificationMetrics = artifactType('system.ClassificationMetrics');
export const SlicedClassificationMetrics = artifactType('system.SlicedClassificationMetrics');
export const HTML = artifactType('system.HTML');
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
