#!/usr/bin/env bash
# Scale-out benchmark: two instances of each service on this machine, on one standalone Kafka broker
# (topics with 6 partitions), one embedded PostgreSQL and one blob store; N generated mails uploaded
# to both intakes, and one instance of each service killed with SIGKILL half way. The last line is one
# JSON object: sent, routed, inReview, lost, filedTwice, and mails/s with two instances and with one.
# Usage: bench/scale-out.sh [N]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
export OMP_THREAD_LIMIT=1 DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="$PWD/.cache/djl"
exec java -Dpostfordeling.root="$PWD" -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" \
  dk.postfordeling.local.bench.ScaleOutBenchmark "$@"
