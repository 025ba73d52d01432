/** kfp-ts's version, written to `sdkVersion` as `kfp-ts-<version>`. Kept in step with package.json by a test. */
export const version = '0.1.0';
