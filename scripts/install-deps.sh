#!/usr/bin/env bash
# Debian packages the build and tests need, and the npm packages of the
# Flutter checks (flutter/tool, from its lockfile). Idempotent; uses sudo when
# not root.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(build-essential cmake ninja-build nlohmann-json3-dev libgtest-dev libgmock-dev
      clang-14 libclang-rt-14-dev python3 libicu-dev icu-devtools
      # arm64 cross build + emulator (scripts/test-arm64.sh)
      g++-aarch64-linux-gnu qemu-user-static
      # Flutter checks: bindings generator (libclang), ffigen.yaml reader
      python3-clang-14 python3-yaml)
command -v npm >/dev/null || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
# tree-sitter's Dart grammar (WebAssembly) for the Dart syntax check.
if [ ! -d flutter/tool/node_modules/web-tree-sitter ]; then
  npm ci --prefix flutter/tool --no-audit --no-fund --loglevel=error
fi
