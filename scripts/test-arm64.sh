#!/usr/bin/env bash
# Cross-builds the stack for aarch64 (Debian's g++-aarch64-linux-gnu) and checks,
# under qemu-aarch64-static, that the portable kernels reproduce transformers'
# greedy outputs of the fixture on 50 golden words.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-arm64 -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake \
  -DCMAKE_BUILD_TYPE=Release -DCHARSIUG2P_WERROR=ON -DCHARSIUG2P_BUILD_TESTS=OFF \
  -DCHARSIUG2P_BUILD_BENCH=OFF >/dev/null
cmake --build build-arm64
golden=../shared/fixtures/tiny-g2p-8x4/golden_dev_nosp.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Every 100th line: one word of each of 50 languages (qemu is slow).
awk -F'\t' 'NR % 100 == 1 {print $1 "\t" $2}' "$golden" > "$tmp/in.tsv"
awk -F'\t' 'NR % 100 == 1 {print $4}' "$golden" > "$tmp/want.txt"
qemu-aarch64-static -L /usr/aarch64-linux-gnu \
  -E LD_LIBRARY_PATH="$PWD/build-arm64/runtime:$PWD/build-arm64/g2p" \
  build-arm64/cli/charsiug2p --model ../shared/fixtures/tiny-g2p-8x4 --max-output-len 127 \
  -i "$tmp/in.tsv" | cut -f3 > "$tmp/got.txt"
n=$(wc -l < "$tmp/want.txt")
same=$(paste -d '\n' "$tmp/got.txt" "$tmp/want.txt" | awk 'NR % 2 {g = $0; next} g == $0 {s++} END {print s + 0}')
echo "arm64 (qemu): $same / $n golden outputs identical"
echo "$same passed, $((n - same)) failed"
test "$same" -eq "$n"
