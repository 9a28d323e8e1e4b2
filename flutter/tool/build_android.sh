#!/usr/bin/env bash
# Builds the runtime and the G2P library for Android from the CMake project,
# one build per ABI, and puts them where the plugins' Gradle files look:
#   charsiu_runtime_flutter/android/src/main/jniLibs/<abi>/libcharsiu_runtime.so
#   charsiug2p_flutter/android/src/main/jniLibs/<abi>/libcharsiug2p.so
#
#   export ANDROID_NDK_HOME=$HOME/Android/Sdk/ndk/26.1.10909125   # r25 or later
#   flutter/tool/build_android.sh                     # arm64-v8a armeabi-v7a x86_64
#   flutter/tool/build_android.sh arm64-v8a           # one ABI
#
# Needs CMake >= 3.25, Ninja and nlohmann-json's headers (Debian:
# nlohmann-json3-dev; macOS: brew install cmake ninja nlohmann-json), found
# in the usual places or in NLOHMANN_JSON_INCLUDE. ANDROID_PLATFORM (default
# android-24) is the minimum API level. Each library links libc++ statically
# (ANDROID_STL=c++_static): their C ABIs pass no C++ object, and the version
# scripts keep every libc++ symbol local.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ndk=${ANDROID_NDK_HOME:-${ANDROID_NDK_ROOT:-}}
toolchain=$ndk/build/cmake/android.toolchain.cmake
if [ ! -f "$toolchain" ]; then
  echo "error: set ANDROID_NDK_HOME to an Android NDK (no $toolchain)" >&2
  exit 1
fi
. "$root/flutter/tool/nlohmann_json_package.sh"
readelf=$(ls "$ndk"/toolchains/llvm/prebuilt/*/bin/llvm-readelf | head -1)

abis=("$@")
[ ${#abis[@]} -gt 0 ] || abis=(arm64-v8a armeabi-v7a x86_64)
for abi in "${abis[@]}"; do
  build=$root/build-android-$abi
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DANDROID_ABI="$abi" \
    -DANDROID_PLATFORM="${ANDROID_PLATFORM:-android-24}" -DANDROID_STL=c++_static \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DCHARSIUG2P_WERROR=ON \
    -DCHARSIUG2P_BUILD_TESTS=OFF -DCHARSIUG2P_BUILD_BENCH=OFF \
    -DCHARSIUG2P_EMBED_DEFAULT_MODEL=OFF \
    -Dnlohmann_json_DIR="$(nlohmann_json_package "$build")" -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=BOTH
  cmake --build "$build" --target charsiu_runtime charsiug2p
  for pair in charsiu_runtime_flutter:runtime/libcharsiu_runtime.so \
              charsiug2p_flutter:g2p/libcharsiug2p.so; do
    pkg=${pair%%:*} lib=$build/${pair#*:}
    # The app's loader finds DT_NEEDED entries by file name: the sonames must
    # be the unversioned names Gradle packages (CMake drops SOVERSION on Android).
    soname=$("$readelf" -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
    [ "$soname" = "$(basename "$lib")" ] || { echo "error: $lib has soname '$soname'" >&2; exit 1; }
    install -d "$root/flutter/$pkg/android/src/main/jniLibs/$abi"
    cp "$lib" "$root/flutter/$pkg/android/src/main/jniLibs/$abi/"
  done
  echo "android $abi: $(ls "$root"/flutter/*/android/src/main/jniLibs/"$abi"/*.so | xargs -n1 basename | tr '\n' ' ')"
done
"$root/flutter/tool/stage_assets.sh"
