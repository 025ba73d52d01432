import type { ArtifactType } from '../dsl/artifacts.ts';

/**
 * kfp's `check_artifact_type_compatibility`: the generic `system.Artifact` on either side matches
 * any type, otherwise the schema titles must be equal. kfp applies it to task arguments and to what
 * a pipeline returns alike, so both checks call this one.
 */
export function artifactTypesCompatible(given: ArtifactType, declared: ArtifactType): boolean {
  return given.schemaTitle === 'system.Artifact' || declared.schemaTitle === 'system.Artifact' || given.schemaTitle === declared.schemaTitle;
}
