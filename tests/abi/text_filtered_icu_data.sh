#!/usr/bin/env bash
# The reduced ICU data a mobile build ships for the text front end
# (tools/icu/filter_data.sh) is enough: the given test binaries pass with a
# data library carrying only that data in place of the full one.
# Usage: text_filtered_icu_data.sh TEST_BINARY...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/../../tools/icu/filter_data.sh" "$tmp" --stub 2>/dev/null
for bin in "$@"; do
  ldd_out=$(LD_LIBRARY_PATH="$tmp/stub" ldd "$bin")
  grep -q "libicudata.*$tmp/stub" <<<"$ldd_out" || { echo "FAIL: $bin does not load the stub"; exit 1; }
  LD_LIBRARY_PATH="$tmp/stub" "$bin" --gtest_brief=1
done
echo "ok: the filtered ICU data ($(stat -c %s "$tmp"/text/*.dat) bytes) serves every test"
