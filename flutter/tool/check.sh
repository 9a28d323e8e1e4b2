#!/usr/bin/env bash
# What CI checks of the Flutter packages without a Dart SDK, with a negative
# control for each checker (a checker that cannot fail proves nothing):
#  - the committed Dart bindings are what generate_bindings.py makes from the
#    C headers (and a header change is caught);
#  - every Dart file parses with tree-sitter's Dart grammar (and broken ones don't);
#  - every native symbol the Dart code looks up is declared in the headers
#    (and a drifted or non-literal name is caught).
# Needs /usr/bin/python3 with python3-clang-14 and python3-yaml, and
# `npm ci` in this folder (scripts/install-deps.sh does both).
set -uo pipefail
tool=$(cd "$(dirname "$0")" && pwd)
flutter=$(dirname "$tool")
root=$(dirname "$flutter")
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { echo "ok: $1"; pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
expect_pass() { local n=$1; shift; if "$@" > "$tmp/out" 2>&1; then ok "$n"; else bad "$n"; cat "$tmp/out"; fi; }
expect_fail() {  # expect_fail NAME PATTERN COMMAND...: must fail and say PATTERN
  local n=$1 pat=$2; shift 2
  if "$@" > "$tmp/out" 2>&1; then bad "$n (passed)"; cat "$tmp/out";
  elif grep -q -- "$pat" "$tmp/out"; then ok "$n"; else bad "$n (no '$pat')"; cat "$tmp/out"; fi
}

# Bindings up to date, for each package.
for pkg in "$flutter"/*/; do
  [ -f "$pkg/ffigen.yaml" ] || continue
  expect_pass "bindings of $(basename "$pkg") match the headers" "$py" "$tool/generate_bindings.py" "$pkg" --check
done

# Negative control: a function added to a copy of the header makes --check
# fail, and regenerating binds it with no configuration change.
mkdir -p "$tmp/inc/charsiug2p" "$tmp/pkg/lib"
cp "$root/g2p/include/charsiug2p/charsiug2p.h" "$tmp/inc/charsiug2p/"
sed -e "s#'../../g2p/include/#'$tmp/inc/#" -e "s#output: .*#output: 'lib/b.g.dart'#" \
  "$flutter/charsiug2p_flutter/ffigen.yaml" > "$tmp/pkg/ffigen.yaml"
"$py" "$tool/generate_bindings.py" "$tmp/pkg" > /dev/null
echo 'CHARSIUG2P_API int charsiug2p_added_later(const char* word);' >> "$tmp/inc/charsiug2p/charsiug2p.h"
expect_fail "a header change is caught" "differs" "$py" "$tool/generate_bindings.py" "$tmp/pkg" --check
"$py" "$tool/generate_bindings.py" "$tmp/pkg" > /dev/null
if grep -q "('charsiug2p_added_later')" "$tmp/pkg/lib/b.g.dart"; then ok "a new function is bound"; else bad "a new function is bound"; fi

# Dart syntax.
if [ -d "$tool/node_modules/web-tree-sitter" ]; then
  expect_pass "Dart files parse" node "$tool/check_dart_syntax.cjs" "$flutter"
  cp "$tool/testdata/broken_syntax.dart.txt" "$tmp/broken_syntax.dart"
  expect_fail "a syntax error is caught" "broken_syntax.dart:4" node "$tool/check_dart_syntax.cjs" "$tmp/broken_syntax.dart"
  cp "$tool/testdata/broken_external_field.dart.txt" "$tmp/broken_external_field.dart"
  expect_fail "a nameless external field is caught" "broken_external_field.dart:6" \
    node "$tool/check_dart_syntax.cjs" "$tmp/broken_external_field.dart"
else
  bad "Dart syntax: run 'npm ci' in $tool (scripts/install-deps.sh does)"
fi

# Native symbols named by the Dart code.
expect_pass "Dart looks up only declared symbols" "$py" "$tool/check_symbols.py" "$flutter"
mkdir -p "$tmp/flutter/pkg/lib"
sed -e "s#'../../g2p/include/#'$root/g2p/include/#" "$flutter/charsiug2p_flutter/ffigen.yaml" > "$tmp/flutter/pkg/ffigen.yaml"
cp "$tool/testdata/drifted_lookup.dart.txt" "$tmp/flutter/pkg/lib/drifted.dart"
expect_fail "an undeclared symbol is caught" "'charsiug2p_no_such_function' is not declared" \
  "$py" "$tool/check_symbols.py" "$tmp/flutter"
expect_fail "a non-literal symbol name is caught" "drifted.dart:8: symbol name is not a string literal" \
  "$py" "$tool/check_symbols.py" "$tmp/flutter"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
