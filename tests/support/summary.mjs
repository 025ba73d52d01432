// Prints the closing line `N passed, N failed, N skipped` over vitest's JSON report and pytest's
// JUnit XML, and exits non-zero when a report is missing, something failed, or nothing ran.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [vitestJson, pytestXml] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = false;

let backendLine = '';
if (vitestJson && existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  // The tests that run the KFP backend's own Go code: shown on their own, so a skip cannot hide.
  const backendFiles = (v.testResults ?? []).filter((f) => /tests\/(backend-check\/|client\/backend-)/.test(f.name ?? ''));
  const statuses = backendFiles.flatMap((f) => (f.assertionResults ?? []).map((a) => a.status));
  const n = (status) => statuses.filter((s) => s === status).length;
  backendLine = `${n('passed')} passed, ${n('failed')} failed, ${statuses.length - n('passed') - n('failed')} skipped in ${backendFiles.length} files (tests/backend-check, tests/client/backend-*)`;
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numRuntimeErrorTestSuites ?? 0);
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A test file that fails to load has no tests in the counts: count it as a failure.
  failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  // A run that failed outside any test (a configuration or unhandled error) still failed.
  if (v.success === false && (v.numFailedTests ?? 0) === 0) failed += 1;
} else {
  console.error(`no vitest report at ${vitestJson}`);
  missing = true;
}

if (pytestXml && existsSync(pytestXml)) {
  const x = readFileSync(pytestXml, 'utf8');
  const suite = /<testsuite\b([^>]*)>/.exec(x)?.[1] ?? '';
  const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  const tests = attr('tests');
  const f = attr('failures') + attr('errors');
  const s = attr('skipped');
  passed += tests - f - s;
  failed += f;
  skipped += s;
} else {
  console.error(`no pytest report at ${pytestXml}`);
  missing = true;
}

// The backend tests' own counts (tests/support/backend.ts reportBackendCount), shown above the total.
const counts = path.join(path.dirname(vitestJson ?? '.'), 'backend-counts.txt');
if (backendLine) console.log(`backend tests: ${backendLine}`);
if (existsSync(counts)) for (const line of readFileSync(counts, 'utf8').split('\n').filter(Boolean).sort()) console.log(`backend: ${line}`);

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(missing || failed > 0 || passed === 0 ? 1 : 0);
