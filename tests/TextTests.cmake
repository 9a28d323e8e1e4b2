# Tests of the text front end (text/), included only when it is built.
add_executable(text_unit_tests unit/text_scripts_test.cc unit/text_numbers_test.cc
  unit/text_input_test.cc unit/text_engine_test.cc)
target_link_libraries(text_unit_tests PRIVATE charsiug2p_text_internal GTest::gtest_main)
target_include_directories(text_unit_tests PRIVATE unit)
gtest_discover_tests(text_unit_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)

# The public ABI, through the shared libraries, on the fixture model.
add_executable(text_c_api_tests abi/text_c_api_test.cc)
target_link_libraries(text_c_api_tests PRIVATE charsiug2p_text GTest::gtest_main)
target_compile_definitions(text_c_api_tests PRIVATE ${TEST_DEFS})
gtest_discover_tests(text_c_api_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS abi)

add_executable(text_header_test abi/text_header_test.c)
set_target_properties(text_header_test PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
target_compile_options(text_header_test PRIVATE -pedantic)
target_link_libraries(text_header_test PRIVATE charsiug2p_text)
add_test(NAME text_header_compiles_as_c COMMAND text_header_test)

if(BUILD_SHARED_LIBS)
  add_test(NAME abi_exports_charsiug2p_text COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/abi/check_exports.sh
    $<TARGET_FILE:charsiug2p_text> charsiug2p_text_)
endif()

# The command's text mode end to end.
add_test(NAME cli_text_end_to_end COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_text_test.sh
  $<TARGET_FILE:charsiug2p_cli> ${FIXTURE_DIR})

# The reduced ICU data of tools/icu/filter_data.sh is enough for the text
# front end (needs icupkg from icu-devtools; not under sanitizers, whose
# runtime must come first in the library list).
find_program(ICUPKG icupkg)
if(ICUPKG AND BUILD_SHARED_LIBS AND NOT CHARSIUG2P_SANITIZE)
  add_test(NAME text_filtered_icu_data COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/abi/text_filtered_icu_data.sh
    $<TARGET_FILE:text_unit_tests> $<TARGET_FILE:text_c_api_tests>)
endif()

# Layering: the word library never depends on ICU, only the text library does.
if(BUILD_SHARED_LIBS)
  add_test(NAME abi_word_library_needs_no_icu COMMAND sh -c
    "readelf -d \"$1\" | grep -q 'NEEDED.*libcharsiu_runtime' && ! readelf -d \"$1\" | grep -q 'NEEDED.*libicu'"
    sh $<TARGET_FILE:charsiug2p>)
endif()
