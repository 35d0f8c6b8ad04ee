#!/usr/bin/env bash
# Runs the whole test suite (unit, end-to-end with real go/perf/valgrind, slow ones included) and ends
# with one plain line: "N passed, N failed, N skipped". Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v go >/dev/null 2>&1 && [ -x /usr/lib/go-1.23/bin/go ]; then
  export PATH="$PATH:/usr/lib/go-1.23/bin"
fi
results=$(mktemp -d "${TMPDIR:-/tmp}/benchgate-tests.XXXXXX")
trap 'rm -rf "$results"' EXIT

status=0
dotnet build Gate.sln -c Release -nodeReuse:false -v:q -nologo || status=$?
if [ "$status" -ne 0 ]; then
  echo "build failed (exit $status)"
  echo "0 passed, 1 failed"
  exit 1
fi
# -m:1: one test assembly at a time, so that tests which judge wall time never share the machine with another
# assembly's valgrind or go builds (inside an assembly, those tests run in a collection of their own).
dotnet test Gate.sln -c Release --no-build -nodeReuse:false -m:1 --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$expected" ]; then
  echo "only $files of $expected test projects reported results (a test host crashed?)"
  failed=$((failed + expected - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited $status without a failed test: counting it as one failure"
  failed=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
