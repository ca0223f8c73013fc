#!/usr/bin/env bash
# End-to-end benchmark: N generated plain e-mails through the local stack (standalone Kafka, embedded
# PostgreSQL, function mailboxes, the three service jars) from upload to filing or the review queue.
# The last line is one JSON object: mailsPerSecond, p50Ms, p95Ms, p99Ms, lost, cpuSeconds and
# peakResidentMb per process.   Usage: bench/end-to-end.sh [N] [RATE] [WARMUP]
# N: measured mails (default 2000). RATE: uploads start on a fixed schedule of RATE mails/s and latency
# counts from each mail's scheduled start (default 0: as fast as intake takes them). WARMUP: mails sent
# first and not measured, so the JIT compilers have settled (default 20000, about 3 minutes here).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
export OMP_THREAD_LIMIT=1 DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="$PWD/.cache/djl"
# The function mailboxes (GreenMail) run in this JVM; naming Jakarta Mail's stream provider spares them a
# class-path search per received message part, which had been half of this process's CPU time.
exec java -Dpostfordeling.root="$PWD" -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" \
  dk.postfordeling.local.bench.EndToEndBenchmark "$@"
