# The text front end (text/) is optional: the word library and its C ABI
# build and work without ICU (iOS exposes no public ICU, and ICU's data is
# large for a phone app). AUTO builds it when ICU is found, ON insists.
if(NOT CHARSIUG2P_TEXT MATCHES "^(AUTO|ON|OFF)$")
  message(FATAL_ERROR "CHARSIUG2P_TEXT must be AUTO, ON or OFF, not '${CHARSIUG2P_TEXT}'")
endif()
if(NOT CHARSIUG2P_TEXT STREQUAL "OFF")
  find_package(ICU 60 COMPONENTS uc i18n)
  if(ICU_FOUND)
    message(STATUS "Text front end: on (ICU ${ICU_VERSION})")
    add_subdirectory(text)
  elseif(CHARSIUG2P_TEXT STREQUAL "ON")
    message(FATAL_ERROR "CHARSIUG2P_TEXT=ON but ICU (uc, i18n) was not found: install libicu-dev "
      "(scripts/install-deps.sh does) or configure with -DCHARSIUG2P_TEXT=AUTO or OFF")
  else()
    message(STATUS "Text front end: off (ICU not found; install libicu-dev to build text/)")
  endif()
endif()
