#!/usr/bin/env bash
# Packs BenchGate.Tool from this checkout and installs it as the `benchgate` dotnet tool.
#   scripts/install-tool.sh                      global tool (~/.dotnet/tools)
#   scripts/install-tool.sh --tool-path DIR      into DIR instead (what the tests do)
#   --feed DIR                                   where the package is packed (default artifacts/nupkg)
set -euo pipefail
cd "$(dirname "$0")/.."
tool_path=""
feed="$PWD/artifacts/nupkg"
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path) tool_path="$2"; shift 2 ;;
    --feed) feed="$2"; shift 2 ;;
    *) echo "install-tool: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$feed"
dotnet pack src/Gate.Tool/Gate.Tool.csproj -c Release -o "$feed" -nodeReuse:false -v:q -nologo >&2
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
if [ -n "$tool_path" ]; then
  where=(--tool-path "$tool_path")
else
  where=(-g)
fi
dotnet tool uninstall "${where[@]}" BenchGate.Tool >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" BenchGate.Tool --version "$version" --add-source "$feed" >&2
if [ -z "$tool_path" ]; then
  case ":$PATH:" in
    *":$HOME/.dotnet/tools:"*) ;;
    *) echo "install-tool: add \$HOME/.dotnet/tools to PATH to call benchgate by name" >&2 ;;
  esac
fi
