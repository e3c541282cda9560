# Warnings and the sanitizer switch, on one INTERFACE target every target links.
option(REVDIAG_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(revdiag_flags INTERFACE)
target_compile_options(revdiag_flags INTERFACE -Wall -Wextra -Wshadow -Wconversion -Wno-sign-conversion)
if(REVDIAG_SANITIZE AND NOT EMSCRIPTEN)
  # The engine and the CLI at -O1; code that only drives them (the test files,
  # the corpus replays: targets with REVDIAG_DRIVER set) at -O0, still under both
  # sanitizers: a batch of test files compiles in 29 s instead of 64 s.
  target_compile_options(revdiag_flags INTERFACE $<IF:$<BOOL:$<TARGET_PROPERTY:REVDIAG_DRIVER>>,-O0,-O1>
                                                 -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
  target_link_options(revdiag_flags INTERFACE -fsanitize=address,undefined)
endif()

# scripts/fuzz: the libFuzzer targets of fuzz/ (clang only), the engine instrumented for them.
option(REVDIAG_FUZZ "Build the libFuzzer targets in fuzz/ instead of the CLI and tests" OFF)
if(REVDIAG_FUZZ AND NOT EMSCRIPTEN)
  target_compile_options(revdiag_flags INTERFACE -g -O1 -fno-omit-frame-pointer
                                                 -fsanitize=fuzzer-no-link,address,undefined
                                                 -fno-sanitize-recover=undefined)
  target_link_options(revdiag_flags INTERFACE -fsanitize=address,undefined)
endif()
