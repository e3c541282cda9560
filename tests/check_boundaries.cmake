# Fails when core/ mentions Emscripten or the DOM: the engine stays portable and
# testable natively; wasm/ is the only place that knows the browser.
file(GLOB_RECURSE files ${ROOT}/core/*.h ${ROOT}/core/*.cpp ${ROOT}/core/CMakeLists.txt)
set(bad "")
foreach(f ${files})
  file(READ ${f} content)
  string(TOLOWER "${content}" lower)
  if(lower MATCHES "emscripten|embind|[^a-z_]document\\.[a-z]|[^a-z_]window\\.[a-z]")
    list(APPEND bad ${f})
  endif()
endforeach()
list(LENGTH files n)
if(bad)
  message(FATAL_ERROR "core/ must not know Emscripten or the DOM: ${bad}")
endif()
# Nor any I/O: the engine takes strings and returns strings; the CLI and the
# page's worker do the reading, so no input can make the engine open a file
# or a connection (SECURITY.md's first promise).
set(io "")
foreach(f ${files})
  file(READ ${f} content)
  if(content MATCHES "fopen|fstream|<filesystem>|socket|getaddrinfo|popen|[^_a-z]system\\(|<thread>")
    list(APPEND io ${f})
  endif()
endforeach()
if(io)
  message(FATAL_ERROR "core/ must do no file, network or process I/O: ${io}")
endif()
message(STATUS "core/: ${n} files checked, no Emscripten, DOM or I/O")
