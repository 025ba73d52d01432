/**
 * The zod versions kfp-ts works with: its peer dependency range (package.json
 * `peerDependencies.zod`, kept equal by a test). kfp-ts reads parameter schemas through zod 4's
 * `_zod.def` data, which zod 3 does not have.
 */
export const SUPPORTED_ZOD = '^4.0.0';

/** Whether `version` (x.y.z) is in {@link SUPPORTED_ZOD}, a caret range. */
export function supportedZodVersion(version: string): boolean {
  const [major, minor, patch] = SUPPORTED_ZOD.slice(1).split('.').map(Number) as [number, number, number];
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [v1, v2, v3] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return v1 === major && (v2 > minor || (v2 === minor && v3 >= patch));
}
