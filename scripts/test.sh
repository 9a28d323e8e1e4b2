#!/usr/bin/env bash
# Everything CI checks: the Release build and all its tests, then the unit
# and ABI tests again under AddressSanitizer+UBSan and under ThreadSanitizer,
# the Flutter packages' checks, the arm64 build's tests under qemu, and fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
./scripts/build.sh
ctest --test-dir build --output-on-failure -j"$jobs"

# Sanitizer builds skip the 5,000-word golden runs (covered above) to fit CI.
for san in address,undefined thread; do
  dir=build-${san%%,*}
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHARSIUG2P_WERROR=ON \
    -DCHARSIUG2P_SANITIZE="$san" -DCHARSIUG2P_BUILD_BENCH=OFF >/dev/null
  cmake --build "$dir"
  TSAN_OPTIONS="halt_on_error=1" ASAN_OPTIONS="detect_leaks=1" \
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" -E 'GoldenFixture'
done

# Flutter packages: bindings match the headers, Dart parses, symbols exist.
./flutter/tool/check.sh

# arm64, the phones' architecture, under qemu.
./scripts/test-arm64.sh

# ICU stays optional: the word library, its C ABI and the command build
# without the text front end (as on iOS, which has no public ICU); words
# still work and text mode says what is missing.
cmake -S . -B build-notext -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHARSIUG2P_WERROR=ON \
  -DCHARSIUG2P_TEXT=OFF -DCHARSIUG2P_BUILD_TESTS=OFF -DCHARSIUG2P_BUILD_BENCH=OFF >/dev/null
cmake --build build-notext --target charsiug2p_cli
./build-notext/cli/charsiug2p --lang eng-us hello >/dev/null
notext=$(./build-notext/cli/charsiug2p --lang eng-us --text hello 2>&1 || true)
grep -q "no text front end" <<<"$notext" || { echo "build without ICU: --text said: $notext"; exit 1; }
echo "build without ICU: words work, --text explains"

# Fuzz the parsers (weight files, config.json, UTF-8 handling, lexicon files
# and lexicon TSV) and the text front end (when ICU is there to build it) for
# a bounded time each, from the committed seed corpora.
# The sanitizers in the fuzz build (address, undefined) are applied by the
# fuzz targets themselves.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DCHARSIUG2P_FUZZ=ON \
  -DCHARSIUG2P_BUILD_TESTS=OFF -DCHARSIUG2P_BUILD_BENCH=OFF -DCHARSIUG2P_EMBED_DEFAULT_MODEL=OFF >/dev/null
fuzz=(weights model_inputs lexicon)
grep -q '^fuzz_text:' <<<"$(cmake --build build-fuzz --target help)" && fuzz+=(text)
cmake --build build-fuzz --target "${fuzz[@]/#/fuzz_}"
for target in "${fuzz[@]}"; do
  corpus=$(mktemp -d)
  dict=(); [ -f tests/fuzz/$target.dict ] && dict=(-dict=tests/fuzz/$target.dict)
  ./build-fuzz/tests/fuzz/fuzz_$target "${dict[@]}" -max_total_time="${FUZZ_SECONDS:-30}" \
    -print_final_stats=1 "$corpus" tests/fuzz/corpus_$target 2>&1 | grep -E "^stat::number_of_executed_units|Done"
  rm -rf "$corpus"
done
echo "fuzzing: no crashes"
