#!/usr/bin/env bash
# End-to-end checks of the charsiug2p command on the fixture model:
# output shape, escaping, per-word errors and exit codes, stdin/file input,
# eval's PER/WER on a tiny data set whose expected scores are known.
# Usage: cli_test.sh CHARSIUG2P_BINARY FIXTURE_DIR
set -uo pipefail
bin=$1 model=$2
# Cross builds run the binary under an emulator (qemu-aarch64-static -L ...).
read -ra run <<< "${CHARSIUG2P_EMULATOR:-}"
run+=("$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $name"; fail=$((fail + 1)); fi
}

# Arguments, embedded default model: one word<TAB>ipa line per word.
out=$("${run[@]}" --lang eng-us hello world)
check "two lines for two words" test "$(printf '%s\n' "$out" | wc -l)" -eq 2
check "word<TAB>ipa" test "$(printf '%s\n' "$out" | head -1 | awk -F'\t' 'NF == 2 && $1 == "hello" && length($2) > 0 {print "ok"}')" = ok

# lang<TAB>word lines from stdin, with bad lines in between: every input line
# keeps exactly one output line, in order; failures exit 2 and say why.
printf 'eng-us\thello\nxx-bad\tword\nno tab here\n\t\neng-us\t\nger\tHaus\n' > "$tmp/in.tsv"
"${run[@]}" --model "$model" < "$tmp/in.tsv" > "$tmp/out.tsv" 2> "$tmp/err.txt"
rc=$?
check "exit 2 when words fail" test "$rc" -eq 2
check "one output line per input line" test "$(wc -l < "$tmp/out.tsv")" -eq 6
check "order kept" test "$(cut -f2 "$tmp/out.tsv" | tr '\n' '|')" = "hello|word|no tab here|||Haus|"
check "unknown language reported with its line" grep -q "line 2: CHARSIUG2P_ERR_UNKNOWN_LANGUAGE" "$tmp/err.txt"
check "missing tab reported" grep -q "line 3: expected lang<TAB>word" "$tmp/err.txt"
check "empty word reported" grep -q "line 5: CHARSIUG2P_ERR_EMPTY_WORD" "$tmp/err.txt"
check "good words answered" test "$(awk -F'\t' '$1 == "ger" && $2 == "Haus" && length($3) > 0 {print "ok"}' "$tmp/out.tsv")" = ok

# A word with a backslash and invalid UTF-8 is echoed escaped, still one line.
printf 'a\\b\n\xff\xfe\n' > "$tmp/words.txt"
"${run[@]}" --model "$model" --lang eng-us -i "$tmp/words.txt" > "$tmp/out2.tsv" 2> /dev/null
check "escaped backslash" grep -qP '^a\\\\b\t' "$tmp/out2.tsv"
check "escaped invalid bytes" grep -q '^\\xFF\\xFE' "$tmp/out2.tsv"

# --max-output-len caps every pronunciation (in bytes).
"${run[@]}" --model "$model" --lang eng-us --max-output-len 3 supercalifragilistic > "$tmp/cap.tsv"
check "output cap" test "$(cut -f2 "$tmp/cap.tsv" | tr -d '\n' | wc -c)" -le 3

# eval: a data set built from the model's own outputs for two words plus
# one deliberately wrong reference: PER/WER are known exactly.
mkdir -p "$tmp/data"
good=$("${run[@]}" --model "$model" --lang eng-us hello | cut -f2)
printf 'hello\t%s,other variant\nhello\tX%s\n' "$good" "$good" > "$tmp/data/eng-us.tsv"
"${run[@]}" eval --model "$model" --data "$tmp/data" > "$tmp/eval.txt"
n=$(printf '%s' "X$good" | python3 -c 'import sys; print(len(sys.stdin.read()))')
want_per=$(python3 -c "print('%.4f' % (1 / ($n - 1 + $n)))")
check "eval per-language line" grep -qP "^eng-us +2 +$want_per +0\.5000" "$tmp/eval.txt"
check "eval macro line" grep -qP "^MACRO +2 +$want_per +0\.5000" "$tmp/eval.txt"

# Bad model folders fail with a clear message and exit 1.
"${run[@]}" --model "$tmp/nowhere" --lang eng-us x > /dev/null 2> "$tmp/err2.txt"
check "missing model exit 1" test $? -eq 1
check "missing model message" grep -q "does not exist" "$tmp/err2.txt"
mkdir -p "$tmp/broken" && cp "$model/config.json" "$tmp/broken/" && head -c 1000 "$model/model.safetensors" > "$tmp/broken/model.safetensors"
"${run[@]}" --model "$tmp/broken" --lang eng-us x > /dev/null 2> "$tmp/err3.txt"
check "truncated weights exit 1" test $? -eq 1
check "truncated weights message" grep -qi "model.safetensors" "$tmp/err3.txt"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
