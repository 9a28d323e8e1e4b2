#!/usr/bin/env bash
# Debian packages the build and tests need. Idempotent; uses sudo when not root.
set -euo pipefail
pkgs=(build-essential cmake ninja-build nlohmann-json3-dev libgtest-dev libgmock-dev
      clang-14 libclang-rt-14-dev python3 libicu-dev icu-devtools)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
