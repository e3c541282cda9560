# Fails when core/ parses JSON with nlohmann: every JSON input goes through the
# one reader in core/src/json/reader.h (pointer, line, column, duplicate keys,
# one depth limit); nlohmann only writes.
file(GLOB_RECURSE files ${ROOT}/core/*.h ${ROOT}/core/*.cpp)
set(bad "")
foreach(f ${files})
  file(READ ${f} content)
  if(content MATCHES "json::parse[ (]|json::sax_parse|json::accept[ (]|json_sax|from_(cbor|msgpack|ubjson|bson)")
    list(APPEND bad ${f})
  endif()
endforeach()
list(LENGTH files n)
if(bad)
  message(FATAL_ERROR "core/ must read JSON with core/src/json/reader.h, not nlohmann: ${bad}")
endif()
message(STATUS "core/: ${n} files checked, JSON read only by the engine's reader")
