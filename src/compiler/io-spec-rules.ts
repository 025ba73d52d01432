import type { IoSpec } from '../dsl/component-node.ts';

/** How a declared input or output reads in a message. */
export function describeSpec(spec: IoSpec): string {
  if (spec.kind === 'parameter') return `a ${spec.parameterType} parameter`;
  if (spec.kind === 'artifact') return `${spec.isList ? 'a list of' : 'an'} artifact ${spec.artifactType.schemaTitle}`;
  return 'an invalid declaration';
}

/**
 * kfp's rules for an artifact type (`validate_bundled_artifact_type`): a `system` or `google`
 * namespace, one name, and a three-part version.
 */
export function artifactTypeProblem(spec: IoSpec): string | undefined {
  if (spec.kind !== 'artifact') return undefined;
  const { schemaTitle, schemaVersion } = spec.artifactType;
  const parts = schemaTitle.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || !['system', 'google'].includes(parts[0]))
    return `the artifact type '${schemaTitle}' is not accepted by kfp: a schema title is '<namespace>.<Name>' with the namespace 'system' or 'google' (e.g. 'google.BQTable')`;
  if (schemaVersion.split('.').length !== 3)
    return `the artifact type '${schemaTitle}' has the version '${schemaVersion}'; kfp needs three-part semantic versioning (e.g. '0.0.1')`;
  return undefined;
}
