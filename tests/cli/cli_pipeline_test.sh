#!/usr/bin/env bash
# End-to-end checks of the word pipeline in the charsiug2p command: lexicon
# build (errors naming file:line, duplicate policies), --lexicon winning over
# the model, the word cache (same output, hits counted) and --phoneme-set.
# Expectations come from the lexicon entries written here or from the
# model's own output in another run, never from fixed model output.
# Usage: cli_pipeline_test.sh CHARSIUG2P_BINARY FIXTURE_DIR
set -uo pipefail
bin=$1 model=$2
read -ra run <<< "${CHARSIUG2P_EMULATOR:-}"  # cross builds: qemu-aarch64-static -L ...
run+=("$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $name"; fail=$((fail + 1)); fi
}
g2p() { "${run[@]}" --model "$model" --no-progress "$@"; }

# Build from a three-column file and a two-column file with --lang.
printf '# user words\neng-us\tkokoro\tkəˈkɔɹo\neng-us\tbutter\tbʌtəɹ\neng-us\tNASA\tˈnæsə\n' > "$tmp/a.tsv"
printf 'hello\thəˈloʊ\r\nhouse\thaʊs\r\n' > "$tmp/b.tsv"
"${run[@]}" lexicon build -o "$tmp/lex.g2plex" "$tmp/a.tsv" > /dev/null 2> "$tmp/build.txt"
check "build exit 0" test $? -eq 0
check "build reports entries" grep -q "3 entries from 1 file" "$tmp/build.txt"
"${run[@]}" lexicon build --lang eng-us -o "$tmp/b.g2plex" "$tmp/b.tsv" 2> /dev/null
check "two-column build with --lang" test "$("${run[@]}" lexicon info "$tmp/b.g2plex" | grep -c '2 entries')" -eq 1
check "lookup with the case rule" test "$("${run[@]}" lexicon lookup "$tmp/lex.g2plex" --lang eng-us Kokoro | cut -f2)" = "kəˈkɔɹo"
"${run[@]}" lexicon lookup "$tmp/lex.g2plex" --lang eng-us nasa > /dev/null
check "lookup miss exits 2" test $? -eq 2

# Bad lines: exit 1, every one named with file:line, nothing written.
printf 'eng-us\tok\tok\neng-us\tno pronunciation\nzz-zz\tword\tpron\n' > "$tmp/bad.tsv"
"${run[@]}" lexicon build -o "$tmp/bad.g2plex" "$tmp/bad.tsv" 2> "$tmp/err.txt"
check "bad TSV exit 1" test $? -eq 1
check "bad line 2 named" grep -q "bad.tsv:2: expected lang<TAB>word<TAB>pronunciation" "$tmp/err.txt"
check "bad line 3 named" grep -q "bad.tsv:3: unknown language code 'zz-zz'" "$tmp/err.txt"
check "nothing written" test ! -e "$tmp/bad.g2plex"

# Duplicates across files: an error naming both places, or first/last wins.
printf 'eng-us\tbutter\tˈbʌɾɚ\n' > "$tmp/c.tsv"
"${run[@]}" lexicon build -o "$tmp/dup.g2plex" "$tmp/a.tsv" "$tmp/c.tsv" 2> "$tmp/err.txt"
check "duplicate exit 1" test $? -eq 1
check "duplicate names both lines" grep -q "c.tsv:1: duplicate entry for eng-us 'butter' (first at $tmp/a.tsv:3)" "$tmp/err.txt"
"${run[@]}" lexicon build --duplicates last -o "$tmp/dup.g2plex" "$tmp/a.tsv" "$tmp/c.tsv" 2> /dev/null
check "duplicates last" test "$("${run[@]}" lexicon lookup "$tmp/dup.g2plex" --lang eng-us butter | cut -f2)" = "ˈbʌɾɚ"
"${run[@]}" lexicon build --duplicates first -o "$tmp/dup.g2plex" "$tmp/a.tsv" "$tmp/c.tsv" 2> /dev/null
check "duplicates first" test "$("${run[@]}" lexicon lookup "$tmp/dup.g2plex" --lang eng-us butter | cut -f2)" = "bʌtəɹ"

# The lexicon wins; other words are what the model says without it.
plain=$(g2p --lang eng-us world Kokoro nasa)
with=$(g2p --lang eng-us --lexicon "$tmp/lex.g2plex" world Kokoro nasa)
check "lexicon word" test "$(printf '%s\n' "$with" | sed -n 2p | cut -f2)" = "kəˈkɔɹo"
check "model words unchanged" test "$(printf '%s\n' "$with" | sed -n '1p;3p')" = "$(printf '%s\n' "$plain" | sed -n '1p;3p')"
with_tsv=$(g2p --lang eng-us --lexicon-tsv "$tmp/a.tsv" world Kokoro nasa)
check "--lexicon-tsv same as compiled" test "$with_tsv" = "$with"

# Phoneme sets convert lexicon answers like model answers.
check "recommended set" test "$(g2p --lang eng-us --lexicon "$tmp/lex.g2plex" --phoneme-set ipa-flap-vowel-reduced butter | cut -f2)" = "bʌɾəɹ"
printf 'eng-uk\tgoat\tɡəʊt\neng-us\tgoat\tɡoʊt\n' > "$tmp/goat.tsv"
check "GB for eng-uk" test "$(g2p --lang eng-uk --lexicon-tsv "$tmp/goat.tsv" --phoneme-set ipa goat | cut -f2)" = "ɡQt"
check "US for eng-us" test "$(g2p --lang eng-us --lexicon-tsv "$tmp/goat.tsv" --phoneme-set ipa goat | cut -f2)" = "ɡOt"
check "region forced" test "$(g2p --lang eng-uk --lexicon-tsv "$tmp/goat.tsv" --phoneme-set ipa --phoneme-region us goat | cut -f2)" = "ɡəʊt"
g2p --lang eng-us --phoneme-set ipa-bogus x > /dev/null 2> "$tmp/err.txt"
check "unknown set exit 1" test $? -eq 1
check "unknown set lists valid names" grep -q "unknown phoneme set 'ipa-bogus'; valid: espeak, ipa, ipa-flap" "$tmp/err.txt"
check "phoneme-sets lists 15" test "$("${run[@]}" phoneme-sets | wc -l)" -eq 15
check "recommended marked" grep -q "ipa-flap-vowel-reduced	(recommended)" <("${run[@]}" phoneme-sets)

# The cache: repeated words across chunks (batch 2: 16 words a chunk) are
# answered from it, and the output is the same as without it.
for i in $(seq 10); do printf 'hello\nworld\nhouse\ncat\n'; done > "$tmp/words.txt"
g2p --lang eng-us --batch-size 2 --cache-stats -i "$tmp/words.txt" > "$tmp/cached.tsv" 2> "$tmp/stats.txt"
g2p --lang eng-us --batch-size 2 --cache-mb 0 -i "$tmp/words.txt" > "$tmp/uncached.tsv"
check "cache keeps output" cmp -s "$tmp/cached.tsv" "$tmp/uncached.tsv"
check "cache hits counted" grep -q "cache: 8 hits, 4 misses" "$tmp/stats.txt"

# A truncated or foreign lexicon file fails cleanly.
head -c 100 "$tmp/lex.g2plex" > "$tmp/cut.g2plex"
g2p --lang eng-us --lexicon "$tmp/cut.g2plex" x > /dev/null 2> "$tmp/err.txt"
check "truncated lexicon exit 1" test $? -eq 1
check "truncated lexicon message" grep -q "CHARSIUG2P_ERR_LEXICON_FORMAT: $tmp/cut.g2plex: the header says" "$tmp/err.txt"
g2p --lang eng-us --lexicon "$tmp/a.tsv" x > /dev/null 2> "$tmp/err.txt"
check "TSV given as compiled lexicon" grep -q "bad magic" "$tmp/err.txt"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
