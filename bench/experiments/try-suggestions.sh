#!/usr/bin/env bash
# Measures the suggested src changes without touching src/: copies the repo's src into a temp
# tree, applies compile-hotspots.patch (and, with --fast-emit, swaps in the fast-emit prototype),
# checks the YAML is byte-identical to today's for the cross cases and the bench cases, then runs
# the stage profile and the kfp-ts half of the benchmark there.
#
#   bash bench/experiments/try-suggestions.sh [--fast-emit] [-- BENCH ARGS...]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
fast_emit=0
if [[ "${1:-}" == "--fast-emit" ]]; then fast_emit=1; shift; fi
[[ "${1:-}" == "--" ]] && shift
tree="$(mktemp -d "${TMPDIR:-/tmp}/kfp-ts-suggest-XXXXXX")"
trap 'rm -rf "$tree"' EXIT
cp -r "$repo/src" "$repo/bench" "$repo/bin" "$repo/schemas" "$repo/pipelines" "$repo/package.json" "$tree/"
mkdir -p "$tree/tests" && cp -r "$repo/tests/cross" "$repo/tests/support" "$tree/tests/"
ln -s "$repo/node_modules" "$tree/node_modules"
ln -s "$repo/.venv" "$tree/.venv"
(cd "$tree" && patch -s -p1 < bench/experiments/compile-hotspots.patch)
if [[ $fast_emit == 1 ]]; then
  printf '%s\n' "// Experiment: bench/experiments/fast-emit.ts in place of the yaml Document round trip." \
    "export { fastEmitPipelineYaml as emitPipelineYaml } from '../../bench/experiments/fast-emit.ts';" > "$tree/src/emit/emit-yaml.ts"
fi
echo "== YAML digests, today vs patched (no output from diff = byte-identical)"
(cd "$repo" && node --import tsx bench/experiments/yaml-digests.ts) > "$tree/before.txt"
(cd "$tree" && node --import tsx bench/experiments/yaml-digests.ts) > "$tree/after.txt"
diff "$tree/before.txt" "$tree/after.txt" && echo "identical ($(wc -l < "$tree/after.txt") pipelines)"
echo "== stage profile, CPU time"
for n in 100 1000 3000; do (cd "$tree" && node --import tsx bench/profile-phases.ts chain "$n" 3); done
echo "== benchmark (kfp-ts only)"
(cd "$tree" && node --import tsx bench/compile-bench.ts --no-kfp "$@")
