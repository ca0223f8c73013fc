# Shared set-up of the classifier benchmarks (sourced by bench/classifier.sh and bench/unknown-topics.sh):
# the data directory, the seed, the output directory, offline DJL, and the classifier jar (built if missing).
# Expects DEFAULT_OUT to name the script's output directory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA_DIR="${DATA_DIR:-../shared/data}"
SEED="${SEED:-7}"
OUT="${OUT:-$DEFAULT_OUT}"
mkdir -p "$OUT"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/.cache/djl}" OMP_THREAD_LIMIT=1
JAR="${JAR:-classifier-service/target/classifier-service.jar}"
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests install

# split_if_needed SET: sets TRAIN and TEST; a set with only train.csv is split 80/20, stratified by label, with the seed.
split_if_needed() {
  TRAIN="$DATA_DIR/$1/train.csv"
  TEST="$DATA_DIR/$1/test.csv"
  SPLIT=""
  if [ ! -f "$TEST" ]; then
    java -jar "$JAR" split --data "$TRAIN" --train-out "$OUT/$1-train.csv" --test-out "$OUT/$1-test.csv" --seed "$SEED" > /dev/null
    TRAIN="$OUT/$1-train.csv"; TEST="$OUT/$1-test.csv"; SPLIT=" (80/20 split of train.csv, seed $SEED)"
  fi
}
