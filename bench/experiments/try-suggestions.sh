#!/usr/bin/env bash
# Measures the suggested src changes without touching src/: exports the committed tree (HEAD)
# twice, applies apply-suggestions.ts to the second copy (with --fast-emit, the fast-emit prototype
# too), checks the YAML is byte-identical between the two
# for the cross cases and the bench cases, then runs the stage profile and the benchmark there.
#
#   bash bench/experiments/try-suggestions.sh [--fast-emit] [-- BENCH ARGS...]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
fast_emit=0
if [[ "${1:-}" == "--fast-emit" ]]; then fast_emit=1; shift; fi
[[ "${1:-}" == "--" ]] && shift
work="$(mktemp -d "${TMPDIR:-/tmp}/kfp-ts-suggest-XXXXXX")"
trap 'rm -rf "$work"' EXIT
for t in before after; do
  mkdir "$work/$t"
  git -C "$repo" archive HEAD | tar -x -C "$work/$t"
  git -C "$repo" rev-parse --short HEAD > "$work/$t/.bench-commit"
  ln -s "$repo/node_modules" "$work/$t/node_modules"
  ln -s "$repo/.venv" "$work/$t/.venv"
done
node --import tsx "$repo/bench/experiments/apply-suggestions.ts" "$work/after" $([[ $fast_emit == 1 ]] && echo --fast-emit)
if [[ -f "$work/after/scripts/build-cli.ts" ]]; then (cd "$work/after" && node --import tsx scripts/build-cli.ts >&2); fi
echo "== YAML digests, HEAD vs patched"
(cd "$work/before" && node --import tsx bench/experiments/yaml-digests.ts) > "$work/before.txt"
(cd "$work/after" && node --import tsx bench/experiments/yaml-digests.ts) > "$work/after.txt"
diff "$work/before.txt" "$work/after.txt" && echo "identical ($(wc -l < "$work/after.txt") pipelines)"
echo "== stage profile, CPU time"
for n in 100 1000 3000; do (cd "$work/after" && node --import tsx bench/profile-phases.ts chain "$n" 3); done
echo "== benchmark"
(cd "$work/after" && node --import tsx bench/compile-bench.ts "$@")
