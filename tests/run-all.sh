#!/usr/bin/env bash
# Every test: the vitest projects (unit + integration) and the Python component suite, then one
# closing line with the totals. Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "error: $PY is missing; run 'bash .ci/run' once (it creates the venv from requirements.txt)" >&2
  exit 1
fi

npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json
vitest_status=$?

"$PY" -m pytest tests -q -p no:cacheprovider --import-mode=importlib --junitxml=test-artifacts/pytest.xml
pytest_status=$?

node tests/support/summary.mjs test-artifacts/vitest.json test-artifacts/pytest.xml
summary_status=$?

if [ $vitest_status -ne 0 ] || [ $pytest_status -ne 0 ] || [ $summary_status -ne 0 ]; then exit 1; fi
