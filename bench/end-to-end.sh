#!/usr/bin/env bash
# End-to-end benchmark: N generated plain e-mails through the local stack (standalone Kafka, embedded
# PostgreSQL, function mailboxes, the three service jars) from upload to filing or the review queue.
# The last line is one JSON object: mailsPerSecond, p50Ms, p95Ms, p99Ms, lost, cpuSeconds and
# peakResidentMb per process.   Usage: bench/end-to-end.sh [N] [RATE]   (default 2000, as fast as possible)
# RATE: uploads start on a fixed schedule of RATE mails/s; latency counts from each mail's scheduled start.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
export OMP_THREAD_LIMIT=1 DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="$PWD/.cache/djl"
exec java -Dpostfordeling.root="$PWD" -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" \
  dk.postfordeling.local.bench.EndToEndBenchmark "$@"
