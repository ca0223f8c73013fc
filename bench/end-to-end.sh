#!/usr/bin/env bash
# End-to-end benchmark: N generated plain e-mails through the local stack (standalone Kafka, embedded
# PostgreSQL, function mailboxes, the three service jars) from upload to filing or the review queue.
# The last line is one JSON object: mailsPerSecond, p50Ms, p95Ms, p99Ms, lost, cpuSeconds and
# peakResidentMb per process.   Usage: bench/end-to-end.sh [N] [RATE] [WARMUP]
# N: measured mails (default 2000). RATE: uploads start on a fixed schedule of RATE mails/s and latency
# counts from each mail's scheduled start (default 0: as fast as intake takes them). WARMUP: mails sent
# first and not measured, so the JIT compilers have settled (default 20000, about 3 minutes here).
source "$(dirname "$0")/pipeline-common.sh"
run_benchmark EndToEndBenchmark "$@"
