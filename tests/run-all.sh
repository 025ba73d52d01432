#!/usr/bin/env bash
# Every test: the vitest projects (unit + integration) and the Python component suite, then one
# closing line with the totals. Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
rm -f test-artifacts/backend-counts.txt
PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "error: $PY is missing; run 'bash .ci/run' once (it creates the venv from requirements.txt)" >&2
  exit 1
fi

# The KFP backend's own Go code (tests/backend) is required: built here as its own step (cached
# in GOCACHE, so only a cold machine pays minutes), then used by the backend tests.
echo "== KFP backend programs (tests/backend)"
node --import tsx tests/support/build-backend.ts
backend_status=$?

npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json
vitest_status=$?

"$PY" -m pytest tests -q -p no:cacheprovider --import-mode=importlib --junitxml=test-artifacts/pytest.xml
pytest_status=$?

node tests/support/summary.mjs test-artifacts/vitest.json test-artifacts/pytest.xml
summary_status=$?

if [ $backend_status -ne 0 ] || [ $vitest_status -ne 0 ] || [ $pytest_status -ne 0 ] || [ $summary_status -ne 0 ]; then exit 1; fi
