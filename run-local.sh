#!/usr/bin/env bash
# Runs the whole pipeline locally on embedded parts (no Docker). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests install
exec java -jar local-launcher/target/local-launcher.jar "$@"
