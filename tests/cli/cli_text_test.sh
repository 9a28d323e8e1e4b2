#!/usr/bin/env bash
# End-to-end checks of the command's text mode on the fixture model: one
# output line per text, overrides, token listing, notes and errors, exit
# codes. Expected phonemes come from the command's own word mode, never
# from a hard-coded list. Usage: cli_text_test.sh CHARSIUG2P_BINARY FIXTURE_DIR
set -uo pipefail
bin=$1 model=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $name"; fail=$((fail + 1)); fi
}
ipa() { "$bin" --model "$model" --lang "$1" "$2" | cut -f2; }

# --text: one line, words in the model's IPA, punctuation in place, numbers spelled.
out=$("$bin" --model "$model" --lang eng-us --text "Hello, world! 3 cats.")
want="$(ipa eng-us Hello), $(ipa eng-us world)! $(ipa eng-us three) $(ipa eng-us cats)."
check "joined line" test "$out" = "$want"

# Overrides win; the plain word is still the model's.
out=$("$bin" --model "$model" --lang eng-us --text "[Kokoro](/kəˈkɔɹo/) Kokoro")
check "override wins" test "$out" = "kəˈkɔɹo $(ipa eng-us Kokoro)"

# --tokens: one line per token with kind, offsets, source, spoken text, status.
"$bin" --model "$model" --lang eng-us --tokens --text "On 3rd May 2024" > "$tmp/tok.tsv"
check "token lines" test "$(wc -l < "$tmp/tok.tsv")" -eq 7
check "ordinal token" grep -qP '^1\tnumber\t3\t6\t3rd\tthird\t[^\t]+\tordinal$' "$tmp/tok.tsv"
check "year token" grep -qP '^1\tnumber\t11\t15\t2024\ttwenty twenty-four\t[^\t]+\tyear$' "$tmp/tok.tsv"

# --text-file: one line per input line, even for empty and malformed lines.
printf 'first line.\n\nbad \xff byte\n[unbalanced (/x/\n' > "$tmp/in.txt"
"$bin" --model "$model" --lang eng-us --text-file "$tmp/in.txt" > "$tmp/out.txt" 2> "$tmp/err.txt"
rc=$?
check "exit 2 on a bad token" test "$rc" -eq 2
check "one line per text line" test "$(wc -l < "$tmp/out.txt")" -eq 4
check "empty line stays empty" test "$(sed -n 2p "$tmp/out.txt")" = ""
check "bad bytes named" grep -q "line 3, byte 4: CHARSIUG2P_ERR_INVALID_UTF8" "$tmp/err.txt"
check "brackets kept" grep -q '^\[' <(sed -n 4p "$tmp/out.txt")
"$bin" --model "$model" --lang eng-us --text-file - < "$tmp/in.txt" > "$tmp/stdin.txt" 2> /dev/null
check "stdin same as file" cmp -s "$tmp/out.txt" "$tmp/stdin.txt"

# No spell-out rules: digits kept, one note on stderr, exit 0.
"$bin" --model "$model" --lang urd --text "12 13" > /dev/null 2> "$tmp/note.txt"
check "note exit 0" test $? -eq 0
check "note once" test "$(grep -c "note: no ICU spell-out rules for 'urd'" "$tmp/note.txt")" -eq 1

# Usage errors.
"$bin" --model "$model" --text "x" > /dev/null 2>&1
check "--text needs --lang" test $? -eq 1
"$bin" --model "$model" --lang xx-nope --text "x" > /dev/null 2> "$tmp/err2.txt"
check "unknown language exit 1" test $? -eq 1
check "unknown language named" grep -q "xx-nope" "$tmp/err2.txt"
check "text-languages lists every code" test \
  "$("$bin" text-languages | grep -cv '^#\|^code')" -eq "$("$bin" languages | wc -l)"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
