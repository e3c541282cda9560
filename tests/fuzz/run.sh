#!/usr/bin/env bash
# Builds and runs the ingest fuzz target with clang++-14 (libFuzzer + ASan + UBSan).
# Not part of the default build. Usage: tests/fuzz/run.sh [seconds=60] [extra libFuzzer flags...]
# FUZZ_TARGET=json runs the JSON reader's target instead (seeds: every JSON fixture).
# Seeds: every CSV fixture plus hand-made deep cases; the corpus grows in build/fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
out=build/fuzz
if [ "${FUZZ_TARGET:-ingest}" = json ]; then
  out=build/fuzz-json
  mkdir -p "$out/corpus" "$out/seeds"
  clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Icore/include -Icore/src tests/fuzz/fuzz_json.cpp core/src/json/*.cpp -o "$out/fuzz_json"
  i=0
  for f in tests/fixtures/process/*.json tests/fixtures/diagnostic/*.json tests/fixtures/json/*.json; do
    head -c 16384 "$f" > "$out/seeds/fixture_$i"
    i=$((i + 1))
  done
  printf '[%.0s' $(seq 1 5000) > "$out/seeds/deep"
  exec "$out/fuzz_json" "$out/corpus" "$out/seeds" -max_total_time="$seconds" -max_len=16384 -timeout=10 "$@"
fi
mkdir -p "$out/corpus" "$out/seeds"
sources=(core/src/csv/*.cpp core/src/values/*.cpp core/src/ingest/*.cpp
         core/src/common/*.cpp core/src/json/*.cpp core/src/api/inspect.cpp)
if [ ! -x "$out/fuzz_ingest" ] || [ -n "$(find core/src tests/fuzz -newer "$out/fuzz_ingest" -name '*.[ch]*' | head -1)" ]; then
  echo "fuzz: building"
  clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Icore/include -Icore/src tests/fuzz/fuzz_ingest.cpp "${sources[@]}" -o "$out/fuzz_ingest"
fi
i=0
for f in tests/fixtures/csv/*.csv tests/fixtures/csv/spectrum/*.csv tests/fixtures/ingest/*.csv tests/fixtures/real/*.csv; do
  { printf '\x07'; head -c 8192 "$f"; } > "$out/seeds/fixture_$i"
  i=$((i + 1))
done
printf '\x01"%.0s' $(seq 1 3000) > "$out/seeds/quotes"
{ printf '\x03'; for _ in $(seq 1 300); do printf ',"x""'; done; printf '\n'; } > "$out/seeds/columns"
{ printf '\x02\xff\xfe'; printf 'a\0,\0b\0\r\0\n\0"\0'; printf '\x00\xd8'; } > "$out/seeds/utf16"
echo "fuzz: running for ${seconds}s"
"$out/fuzz_ingest" "$out/corpus" "$out/seeds" -max_total_time="$seconds" -max_len=16384 -timeout=10 "$@"
