#!/usr/bin/env bash
# Runs the whole pipeline locally on embedded parts (no Docker). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
# Scanned letters need Tesseract OCR with Danish; install it when this machine lacks it and can.
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx dan; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "postfordeling | installing Tesseract OCR (tesseract-ocr, tesseract-ocr-dan) …"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-dan tesseract-ocr-eng >/dev/null
  else
    echo "postfordeling | Tesseract with Danish is not installed: scanned letters will go to review as unreadable." >&2
    echo "postfordeling | install it with: sudo apt-get install tesseract-ocr tesseract-ocr-dan" >&2
  fi
fi
./mvnw -q -B -DskipTests install
export OMP_THREAD_LIMIT=1
exec java -jar local-launcher/target/local-launcher.jar "$@"
