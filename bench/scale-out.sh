#!/usr/bin/env bash
# Scale-out benchmark: two instances of each service on this machine, on one standalone Kafka broker
# (topics with 6 partitions), one embedded PostgreSQL and one blob store; N generated mails uploaded
# to both intakes, and one instance of each service killed with SIGKILL half way, with mail in flight.
# The last line is one JSON object: sent, routed, inReview, lost, filedTwice, and mails/s with two
# instances and with one.   Usage: bench/scale-out.sh [N]   (default 2000)
source "$(dirname "$0")/pipeline-common.sh"
run_benchmark ScaleOutBenchmark "$@"
