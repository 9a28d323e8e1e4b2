#!/usr/bin/env bash
# Everything CI checks: the Release build and all its tests, then the unit
# and ABI tests again under AddressSanitizer+UBSan and under ThreadSanitizer.
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
