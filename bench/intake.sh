#!/usr/bin/env bash
# Intake benchmark: a real Kafka broker and the intake jar on this machine; prints mails/s and
# p50/p99 latency (upload start -> TextExtracted published) for (a) 2 KB plain e-mails, (b) an
# e-mail with a 1 MB text-layer PDF, (c) a one-page scanned PDF. The last line is one JSON object.
# Usage: bench/intake.sh [PLAIN_MAILS] [PDF_MAILS] [SCANS]   (defaults 5000 100 20)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
export OMP_THREAD_LIMIT=1
exec java -Dpostfordeling.root="$PWD" -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" \
  dk.postfordeling.local.bench.IntakeBenchmark "$@"
