#!/usr/bin/env bash
# Bounded fuzz campaign (Jazzer, coverage-guided) over intake's extractor and MeMo reader, seeded with
# the real test files. Prints one JSON line: per target the inputs tried, crashes, hangs (an input
# over 30 s, or out of memory) and the slowest input in whole seconds (libFuzzer's measure), and the
# totals. Findings are kept in target/fuzz/<target>/findings/; copy each into
# intake-service/src/test/resources/fuzz-findings/<target>/ so FuzzSeedsAndFindingsTest keeps it fixed.
# Usage: bench/fuzz.sh [SECONDS_PER_TARGET]   (default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
out=target/fuzz
mkdir -p "$out"
./mvnw -q -B -DskipTests install -pl intake-service -am >/dev/null
./mvnw -q -B -pl intake-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath" >/dev/null
cp="intake-service/target/test-classes:intake-service/target/classes:$(cat "$out/classpath")"
export OMP_THREAD_LIMIT=1

run() { # target-name class seed-dir...
  local name="$1" class="$2"; shift 2
  local dir="$out/$name"
  rm -rf "$dir"; mkdir -p "$dir/corpus" "$dir/findings"
  for folder in "$@"; do find "$folder" -maxdepth 1 -type f ! -name 'README*' -exec cp {} "$dir/corpus/" \; ; done
  local seeds; seeds=$(ls "$dir/corpus" | wc -l)
  local started; started=$(date +%s)
  # -timeout: an input slower than 30 s is a hang; keep going after a finding so one campaign reports them all.
  java -Xmx2g -XX:+ExitOnOutOfMemoryError -cp "$cp" com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --instrumentation_includes='dk.postfordeling.**:org.apache.tika.**:org.apache.pdfbox.**:org.apache.poi.**' \
      --keep_going=1000 -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3000 -print_final_stats=1 \
      -artifact_prefix="$dir/findings/" "$dir/corpus" >"$dir/log" 2>&1 || true
  local runs slowest crashes hangs
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$dir/log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  slowest=$(grep -o 'stat::slowest_unit_time_sec: [0-9]*' "$dir/log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  crashes=$(find "$dir/findings" -name 'crash-*' | wc -l)
  hangs=$(find "$dir/findings" -name 'timeout-*' -o -name 'slow-unit-*' -o -name 'oom-*' | wc -l)
  printf '{"target":"%s","seconds":%d,"inputsTried":%s,"crashes":%d,"hangs":%d,"slowestInputSeconds":%s,"seeds":%d}' \
      "$name" "$(( $(date +%s) - started ))" "${runs:-0}" "$crashes" "$hangs" "${slowest:-0}" "$seeds"
}

extraction=$(run extraction dk.postfordeling.intake.fuzz.ExtractionFuzzTarget \
    intake-service/src/test/resources/documents intake-service/src/test/resources/memo samples/mails \
    intake-service/src/test/resources/fuzz-findings/extraction)
memo=$(run memo dk.postfordeling.intake.fuzz.MemoFuzzTarget \
    intake-service/src/test/resources/memo intake-service/src/test/resources/fuzz-findings/memo)
num() { grep -o "\"$2\":[0-9]*" <<<"$1" | grep -o '[0-9]*$'; }
total() { echo $(( $(num "$extraction" "$1") + $(num "$memo" "$1") )); }
slowest=$(( $(num "$extraction" slowestInputSeconds) > $(num "$memo" slowestInputSeconds) \
    ? $(num "$extraction" slowestInputSeconds) : $(num "$memo" slowestInputSeconds) ))
echo "{\"targets\":[$extraction,$memo],\"inputsTried\":$(total inputsTried),\"crashes\":$(total crashes),\"hangs\":$(total hangs),\"slowestInputSeconds\":$slowest}"
