# Fails when a source file passes 450 lines: a file that grows past ~400 is
# split along a noun (STYLE.md), never left to grow or lengthened sideways.
set(limit 450)
file(GLOB_RECURSE files
     ${ROOT}/core/*.h ${ROOT}/core/*.cpp ${ROOT}/cli/*.h ${ROOT}/cli/*.cpp ${ROOT}/wasm/*.cpp
     ${ROOT}/fuzz/*.h ${ROOT}/fuzz/*.cpp ${ROOT}/bench/*.cpp ${ROOT}/bench/*.mjs
     ${ROOT}/tests/*.h ${ROOT}/tests/*.cpp ${ROOT}/tests/*.mjs
     ${ROOT}/web/*.js ${ROOT}/web/*.css ${ROOT}/web/*.html)
# The benchmark's peers (bench/node_modules, installed by scripts/bench) are not ours.
list(FILTER files EXCLUDE REGEX "/node_modules/")
set(bad "")
foreach(f ${files})
  # Newlines counted (file(STRINGS) would skip empty lines).
  file(READ ${f} content)
  string(REGEX MATCHALL "\n" newlines "${content}")
  list(LENGTH newlines n)
  if(n GREATER limit)
    file(RELATIVE_PATH rel ${ROOT} ${f})
    list(APPEND bad "${rel}: ${n} lines")
  endif()
endforeach()
list(LENGTH files count)
if(bad)
  string(REPLACE ";" "\n  " text "${bad}")
  message(FATAL_ERROR "Files past ${limit} lines (split them along a noun):\n  ${text}")
endif()
message(STATUS "${count} source files, none past ${limit} lines")
