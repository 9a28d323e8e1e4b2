#!/usr/bin/env bash
# Builds the ICU data file a mobile app needs for the text front end and
# nothing else, from the ICU data Debian ships (libicudata.so.NN), and
# prints the sizes. Kept: word break rules and dictionaries (Thai, Lao,
# Khmer, Burmese, Chinese/Japanese), spell-out rules (rbnf/), the locale
# bundles of the languages in text/src/language_table.cc (number symbols),
# and the tables every lookup needs. Dropped: collation, converters,
# time zones, units, currency/language/region names, transliteration, line
# and sentence breaks...
#
#   tools/icu/filter_data.sh OUT_DIR [--stub]
#
# Writes OUT_DIR/icudtNNl.dat (the full data), OUT_DIR/text/icudtNNl.dat
# (the filtered data; ICU wants the package name as the file name) and, with --stub, OUT_DIR/stub/libicudata.so.NN: a
# data library carrying only the filtered data, so that tests can run
# against it (LD_LIBRARY_PATH=OUT_DIR/stub) and prove it is enough.
# Needs icupkg (icu-devtools) and binutils.
set -euo pipefail
out=$(realpath -m "$1")
stub=${2:-}
src=$(cd "$(dirname "$0")/../.." && pwd)
lib=$(ls /usr/lib/*/libicudata.so.[0-9]* 2>/dev/null | grep -E '\.so\.[0-9]+$' | head -1)
[ -n "$lib" ] || { echo "no libicudata.so.NN found (install libicu-dev)"; exit 1; }
major=${lib##*.so.}
name=icudt${major}l
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The data is one symbol, icudtNN_dat, in .rodata: cut it out by its
# file offset and size.
read -r addr offset size < <(readelf -SW "$lib" | sed 's/^ *\[ *[0-9]*\]//' |
                             awk '$1 == ".rodata" {print $3, $4, $5}')
sym=$(nm -D "$lib" | awk -v s="icudt${major}_dat" '$3 == s {print $1}')
skip=$((0x$offset + 0x$sym - 0x$addr))
size=$((0x$size))
dd if="$lib" of="$out/$name.dat" iflag=skip_bytes,count_bytes skip="$skip" count="$size" status=none
icupkg -l "$out/$name.dat" > "$tmp/all.txt"

# Languages of the table's ICU locales ("en_US" -> en, "sr_Latn" -> sr).
langs=$(grep -oE '\{"[a-z-]+", "[A-Za-z_]+", "[A-Za-z_]+"' "$src/text/src/language_table.cc" |
        awk -F'"' '{split($4, a, "_"); split($6, b, "_"); print a[1]; print b[1]}' | sort -u)
langs+=$'\nno'  # Norwegian Bokmål's bundles inherit from "no"
keep_locale() {  # name of a .res bundle without folder and extension
  local l=${1%%_*}
  [ "$1" = root ] || [ "$1" = res_index ] || grep -qx "$l" <<<"$langs"
}
while read -r item; do
  case "$item" in
    brkitr/word*.brk|brkitr/*.dict) echo "$item" ;;
    brkitr/*.res) keep_locale "$(basename "$item" .res)" && echo "$item" ;;
    rbnf/*.res) keep_locale "$(basename "$item" .res)" && echo "$item" ;;
    curr/pool.res|curr/supplementalData.res) echo "$item" ;;
    curr/*.res) keep_locale "$(basename "$item" .res)" && echo "$item" ;;
    pool.res|res_index.res|root.res|numberingSystems.res|likelySubtags.res|supplementalData.res|\
    metadata.res|plurals.res|pluralRanges.res|keyTypeData.res|nfkc.nrm) echo "$item" ;;
    */*) ;;
    *.res) keep_locale "$(basename "$item" .res)" && echo "$item" ;;
  esac
done < "$tmp/all.txt" > "$tmp/keep.txt"
grep -vxF -f "$tmp/keep.txt" "$tmp/all.txt" > "$tmp/drop.txt"
mkdir -p "$out/text"
# --ignore-deps: root's break bundle names the line, sentence and character
# rules too, which a word iterator never loads.
icupkg --ignore-deps -r "$tmp/drop.txt" "$out/$name.dat" "$out/text/$name.dat"

full=$(stat -c %s "$out/$name.dat")
kept=$(stat -c %s "$out/text/$name.dat")
printf 'ICU %s data: %d items, %d bytes; for the text front end: %d items, %d bytes (%.1f%%)\n' \
  "$major" "$(wc -l < "$tmp/all.txt")" "$full" "$(wc -l < "$tmp/keep.txt")" "$kept" \
  "$(echo "100 * $kept / $full" | bc -l)"
mkdir -p "$tmp/x"
icupkg -x "$tmp/keep.txt" -d "$tmp/x" "$out/$name.dat"
for part in brkitr rbnf curr; do
  printf '  %-30s %9d bytes\n' "$part/ (kept)" "$(cat "$tmp/x/$part"/* | wc -c)"
done
printf '  %-30s %9d bytes\n' "brkitr/cjdict.dict (Han, kana)" "$(wc -c < "$tmp/x/brkitr/cjdict.dict")"
printf '  %-30s %9d bytes\n' "locale bundles and tables" "$(cat "$tmp/x"/*.res "$tmp/x"/*.nrm | wc -c)"

if [ "$stub" = --stub ]; then
  mkdir -p "$out/stub"
  printf '.section .rodata\n.globl icudt%s_dat\n.type icudt%s_dat, @object\n.balign 16\nicudt%s_dat:\n.incbin "%s"\n.size icudt%s_dat, .-icudt%s_dat\n.section .note.GNU-stack,"",@progbits\n' \
    "$major" "$major" "$major" "$out/text/$name.dat" "$major" "$major" > "$tmp/stub.S"
  cc -shared -o "$out/stub/libicudata.so.$major" "$tmp/stub.S" -Wl,-soname,"libicudata.so.$major"
  echo "stub data library: $out/stub/libicudata.so.$major"
fi
