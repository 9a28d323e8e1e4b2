# Sourced by build_android.sh and build_ios.sh.
#
# nlohmann-json is header-only, but its installed CMake package points at the
# host's whole include folder (/usr/include, /opt/homebrew/include): on a
# cross build that would put the host's C library headers before the NDK's
# or the iOS SDK's. So the scripts copy just nlohmann/ into the build folder
# and describe it with a minimal package of the same name.
#
# nlohmann_json_package BUILD_DIR  -> prints the folder to pass as nlohmann_json_DIR
nlohmann_json_package() {
  local build=$1 inc="" d
  for d in ${NLOHMANN_JSON_INCLUDE:-} /usr/include /opt/homebrew/include /usr/local/include; do
    if [ -f "$d/nlohmann/json.hpp" ]; then inc=$d; break; fi
  done
  if [ -z "$inc" ]; then
    echo "error: nlohmann/json.hpp not found; set NLOHMANN_JSON_INCLUDE" >&2
    return 1
  fi
  local pkg=$build/nlohmann_json_package
  rm -rf "$pkg" && mkdir -p "$pkg/include"
  cp -R "$inc/nlohmann" "$pkg/include/"
  cat > "$pkg/nlohmann_jsonConfig.cmake" <<CMAKE
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "\${CMAKE_CURRENT_LIST_DIR}/include")
endif()
CMAKE
  local major
  major=$(grep -rhs '^#define NLOHMANN_JSON_VERSION_MAJOR' "$inc/nlohmann" | head -1 | awk '{print $3}')
  cat > "$pkg/nlohmann_jsonConfigVersion.cmake" <<CMAKE
set(PACKAGE_VERSION "${major:-3}")
set(PACKAGE_VERSION_COMPATIBLE TRUE)
if(PACKAGE_FIND_VERSION_MAJOR AND NOT PACKAGE_FIND_VERSION_MAJOR EQUAL "${major:-3}")
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
endif()
CMAKE
  echo "$pkg"
}
