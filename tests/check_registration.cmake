# Catch2 test names containing characters CTest cannot carry (`]`, `;`, `,` at
# the end...) silently drop out of CTest. Compare the binary's list with CTest's.
execute_process(COMMAND ${TESTS} --list-test-names-only OUTPUT_VARIABLE names RESULT_VARIABLE rc)
string(REPLACE "\n" ";" names "${names}")
set(count 0)
foreach(n ${names})
  if(NOT n STREQUAL "")
    math(EXPR count "${count}+1")
  endif()
endforeach()
execute_process(COMMAND ${CTEST} -N WORKING_DIRECTORY ${BUILD} OUTPUT_VARIABLE listed)
string(REGEX MATCH "Total Tests: ([0-9]+)" _ "${listed}")
set(total ${CMAKE_MATCH_1})
# CTest also lists the two boundary checks.
math(EXPR expected "${count}+2")
if(NOT total EQUAL expected)
  message(FATAL_ERROR "Catch2 has ${count} test cases but CTest registered ${total} tests (expected ${expected}); rename the ones with ] ; or trailing punctuation.")
endif()
message(STATUS "${count} Catch2 test cases, all registered")
