#!/usr/bin/env bash
# The main job on the bundled examples/ module, from a fresh Debian machine with the .NET SDK:
# installs what is missing (Go, valgrind, perf), installs benchgate as a dotnet global tool from this
# checkout, and measures examples/ (printing the results table).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prereqs.sh
./scripts/install-tool.sh
export PATH="$PATH:$HOME/.dotnet/tools"
benchgate run --dir examples ./... --samples 5 --out examples/r.json
