#!/usr/bin/env bash
# Runs the benchmark on a private copy of the committed tree (HEAD), with its own dist/ built, so
# edits other people make to src/ while it runs (a full run takes 10-40 minutes) neither break it
# nor leave dist/ out of date with src/ half way.
#
#   bash bench/snapshot-run.sh [BENCH ARGS...]        e.g. bash bench/snapshot-run.sh --json out.json
#   SCRIPT=bench/startup-breakdown.ts bash bench/snapshot-run.sh 7
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tree="$(mktemp -d "${TMPDIR:-/tmp}/kfp-ts-snapshot-XXXXXX")"
trap 'rm -rf "$tree"' EXIT
git -C "$repo" archive HEAD | tar -x -C "$tree"
git -C "$repo" rev-parse --short HEAD > "$tree/.bench-commit"
ln -s "$repo/node_modules" "$tree/node_modules"
ln -s "$repo/.venv" "$tree/.venv"
# Older commits built the CLI alone with scripts/build-cli.ts; newer ones build dist/ with scripts/build.ts.
if [[ -f "$tree/scripts/build.ts" ]]; then (cd "$tree" && node --import tsx scripts/build.ts --cli >&2)
elif [[ -f "$tree/scripts/build-cli.ts" ]]; then (cd "$tree" && node --import tsx scripts/build-cli.ts >&2); fi
cd "$tree" && node --import tsx "${SCRIPT:-bench/compile-bench.ts}" "$@"
