/**
 * Builds the KFP backend programs (tests/backend) before the tests start, so the build shows as
 * its own step with its time, and a build failure is reported once, plainly. The tests call the
 * same ensureBackendBuilt(), which then finds the binaries up to date.
 *
 *   node --import tsx tests/support/build-backend.ts
 */
import { ensureBackendBuilt } from './backend.ts';

try {
  const started = Date.now();
  const bins = await ensureBackendBuilt();
  console.log(`tests/backend: ${bins.irCheck} and ${bins.apiserver} ready (${Math.round((Date.now() - started) / 1000)} s)`);
} catch (e) {
  console.error(`tests/backend: the KFP backend programs could not be built; the backend tests will fail.\n${(e as Error).message}`);
  process.exit(1);
}
