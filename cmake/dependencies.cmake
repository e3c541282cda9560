# Dependencies come from Debian's packages only. Under Emscripten, em++ must not
# see /usr/include (glibc headers break the build), so nlohmann alone is exposed
# through a symlinked include folder wrapped in the same target name.
if(EMSCRIPTEN)
  set(REVDIAG_EM_INCLUDE ${CMAKE_BINARY_DIR}/em-include)
  file(MAKE_DIRECTORY ${REVDIAG_EM_INCLUDE})
  if(NOT EXISTS ${REVDIAG_EM_INCLUDE}/nlohmann)
    file(CREATE_LINK /usr/include/nlohmann ${REVDIAG_EM_INCLUDE}/nlohmann SYMBOLIC)
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE ${REVDIAG_EM_INCLUDE})
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
  # The optimizer of Debian's emscripten needs acorn from Debian's node modules.
  set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()
