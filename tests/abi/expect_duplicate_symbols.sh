#!/usr/bin/env bash
# Negative control: the old arrangement, each plugin archive carrying its own
# copy of the runtime, force-loaded together as on iOS, MUST fail to link with
# duplicate symbols. Proves the static coexistence test can fail.
# Usage: expect_duplicate_symbols.sh CXX MAIN_OBJECT PLUGIN_A_WITH_RUNTIME.a PLUGIN_B_WITH_RUNTIME.a
set -uo pipefail
cxx=$1 main=$2 a=$3 b=$4
out=$(mktemp -d)
log="$out/link.log"
if "$cxx" "$main" -Wl,--whole-archive "$a" "$b" -Wl,--no-whole-archive -pthread -o "$out/app" >"$log" 2>&1; then
  echo "FAIL: linking two plugins that each carry the runtime succeeded; the control is broken"
  rm -rf "$out"
  exit 1
fi
if ! grep -q "multiple definition of \`chrt_" "$log"; then
  echo "FAIL: the link failed, but not with duplicate chrt_ symbols:"
  head -20 "$log"
  rm -rf "$out"
  exit 1
fi
echo "ok: duplicate symbols as expected, e.g.:"
grep -m3 "multiple definition" "$log"
rm -rf "$out"
