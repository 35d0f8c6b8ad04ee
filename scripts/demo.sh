#!/usr/bin/env bash
# The main job on the bundled examples/ module, from a fresh Debian machine with the .NET SDK:
# installs what is missing (Go, valgrind, perf), installs benchgate as a dotnet global tool from this
# checkout, then measures examples/ with simulated counters (cachegrind: deterministic), compares them with
# the baseline stored in the repository (examples/.benchgate) and prints the verdict table.
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prereqs.sh || exit 2
./scripts/install-tool.sh || exit 2
export PATH="$PATH:$HOME/.dotnet/tools"
cd examples
check=(benchgate check --backend cachegrind --repository benchgate/examples --baseline-branch main)
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
"${check[@]}" 2> >(tee "$errors" >&2)
status=$?
if [ "$status" -eq 2 ] && grep -q "no baseline for" "$errors"; then
  # The stored baseline was measured on another kind of machine (CPU, Go version...): BenchGate refuses to
  # compare across environments. Store one for this machine outside the repository, then compare with it.
  store="dir:${TMPDIR:-/tmp}/benchgate-demo-baseline"
  echo "demo: no stored baseline for this machine; measuring one into $store first" >&2
  benchgate baseline update --backend cachegrind --repository benchgate/examples --branch main --store "$store" || exit 2
  "${check[@]}" --store "$store"
  status=$?
fi
exit "$status"
