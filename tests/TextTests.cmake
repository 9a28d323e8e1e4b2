# Tests of the text front end (text/), included only when it is built.
add_executable(text_unit_tests unit/text_scripts_test.cc unit/text_numbers_test.cc
  unit/text_input_test.cc unit/text_engine_test.cc)
target_link_libraries(text_unit_tests PRIVATE charsiug2p_text_internal GTest::gtest_main)
target_include_directories(text_unit_tests PRIVATE unit)
gtest_discover_tests(text_unit_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
