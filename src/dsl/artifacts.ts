/**
 * Artifact types, as the IR names them (`schemaTitle` + `schemaVersion`). The title is kept as a
 * string literal type so that a Model output wired into a Dataset input is a TypeScript error.
 */
export interface ArtifactType<T extends string = string> {
  readonly kind: 'artifactType';
  readonly schemaTitle: T;
  readonly schemaVersion: string;
}

/** Declares an artifact type; use it for custom types (e.g. `artifactType('acme.Report', '0.0.1')`). */
export function artifactType<T extends string>(schemaTitle: T, schemaVersion = '0.0.1'): ArtifactType<T> {
  return Object.freeze({ kind: 'artifactType', schemaTitle, schemaVersion });
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
