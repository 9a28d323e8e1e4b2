#!/usr/bin/env bash
# Builds the runtime and the G2P library for iOS from the CMake project as
# static libraries and packs each into an XCFramework the plugins' podspecs
# vendor and force-load:
#   charsiu_runtime_flutter/ios/Frameworks/charsiu_runtime.xcframework
#     ios-arm64/libcharsiu_runtime.a, ios-arm64_x86_64-simulator/libcharsiu_runtime.a
#   charsiug2p_flutter/ios/Frameworks/charsiug2p.xcframework  (libcharsiug2p.a, same slices)
# The G2P archive holds no runtime object: an app gets the runtime once.
#
#   flutter/tool/build_ios.sh         # on macOS with Xcode 14+ (xcodebuild, lipo)
#
# Needs CMake >= 3.25, Ninja and nlohmann-json's headers (brew install cmake
# ninja nlohmann-json), found in the usual places or in NLOHMANN_JSON_INCLUDE.
# IOS_DEPLOYMENT_TARGET defaults to 12.0 (the podspecs' platform).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v xcodebuild >/dev/null || { echo "error: needs Xcode (macOS)" >&2; exit 1; }
. "$root/flutter/tool/nlohmann_json_package.sh"

# slice name, SDK, architecture: one CMake build each (the x86_64 simulator
# gets the portable kernels like arm64; AVX code is for x86 Linux only).
slices=("device iphoneos arm64" "sim-arm64 iphonesimulator arm64" "sim-x86_64 iphonesimulator x86_64")
for s in "${slices[@]}"; do
  read -r name sdk arch <<< "$s"
  build=$root/build-ios-$name
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_SYSTEM_NAME=iOS \
    -DCMAKE_OSX_SYSROOT="$sdk" -DCMAKE_OSX_ARCHITECTURES="$arch" -DCMAKE_SYSTEM_PROCESSOR="$arch" \
    -DCMAKE_OSX_DEPLOYMENT_TARGET="${IOS_DEPLOYMENT_TARGET:-12.0}" \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DCHARSIUG2P_WERROR=ON \
    -DCHARSIUG2P_BUILD_TESTS=OFF -DCHARSIUG2P_BUILD_BENCH=OFF \
    -DCHARSIUG2P_EMBED_DEFAULT_MODEL=OFF \
    -Dnlohmann_json_DIR="$(nlohmann_json_package "$build")" -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=BOTH
  cmake --build "$build" --target charsiu_runtime_static charsiug2p_static
done

pack() {  # pack LIBNAME TARGET_ARCHIVE HEADERS_DIR OUTPUT
  local lib=$1 archive=$2 headers=$3 out=$4 tmp
  tmp=$(mktemp -d)
  mkdir -p "$tmp/device" "$tmp/sim"
  cp "$root/build-ios-device/$archive" "$tmp/device/$lib.a"
  lipo -create "$root/build-ios-sim-arm64/$archive" "$root/build-ios-sim-x86_64/$archive" \
    -output "$tmp/sim/$lib.a"
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  xcodebuild -create-xcframework -library "$tmp/device/$lib.a" -headers "$headers" \
    -library "$tmp/sim/$lib.a" -headers "$headers" -output "$out"
  rm -rf "$tmp"
  # The podspecs force-load these exact paths.
  test -f "$out/ios-arm64/$lib.a" && test -f "$out/ios-arm64_x86_64-simulator/$lib.a"
}
pack libcharsiu_runtime runtime/libcharsiu_runtime_static.a "$root/runtime/include" \
  "$root/flutter/charsiu_runtime_flutter/ios/Frameworks/charsiu_runtime.xcframework"
pack libcharsiug2p g2p/libcharsiug2p_static.a "$root/g2p/include" \
  "$root/flutter/charsiug2p_flutter/ios/Frameworks/charsiug2p.xcframework"
# No runtime object may hide in the G2P archive (duplicate symbols in apps
# with a second model plugin).
if nm -gU "$root/build-ios-device/g2p/libcharsiug2p_static.a" | grep -q ' T _chrt_'; then
  echo "error: libcharsiug2p.a defines chrt_ symbols" >&2
  exit 1
fi
echo "ios: $(ls -d "$root"/flutter/*/ios/Frameworks/*.xcframework | xargs -n1 basename | tr '\n' ' ')"
"$root/flutter/tool/stage_assets.sh"
