#!/usr/bin/env bash
# Classifier benchmark: for every data set in ../shared/data (or DATA_DIR), trains on TRAIN only and
# evaluates on TEST with the product's classifier (`evaluate`) and with the TF-IDF + logistic
# regression yardstick (`baseline`) on the same split. A set with only train.csv is split 80/20,
# stratified by label, with the same seed (`split`). Seed: SEED (default 7). Prints one line per set and model; the last line is one
# JSON object with every report. Reports are also written to target/bench/classifier/. Each model
# report has `singleThread1KbPredictionsPerSecond`: predictions (with the routing decision) per second
# on one thread for texts of about 1 KB built from the set's test texts (target >= 2,000).
# Usage: bench/classifier.sh [SET ...]   (default: every set)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="${DATA_DIR:-../shared/data}"
SEED="${SEED:-7}"
OUT="${OUT:-target/bench/classifier}"
mkdir -p "$OUT"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/.cache/djl}" OMP_THREAD_LIMIT=1
[ -f "${JAR:-classifier-service/target/classifier-service.jar}" ] || ./mvnw -q -B -DskipTests install
JAR="${JAR:-classifier-service/target/classifier-service.jar}"
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  for dir in "$DATA_DIR"/*/; do sets+=("$(basename "$dir")"); done
fi
json="{"
for set in "${sets[@]}"; do
  train="$DATA_DIR/$set/train.csv"
  test="$DATA_DIR/$set/test.csv"
  split=""
  if [ ! -f "$test" ]; then
    java -jar "$JAR" split --data "$train" --train-out "$OUT/$set-train.csv" --test-out "$OUT/$set-test.csv" --seed "$SEED" > /dev/null
    train="$OUT/$set-train.csv"; test="$OUT/$set-test.csv"; split=" (80/20 split of train.csv, seed $SEED)"
  fi
  java -jar "$JAR" evaluate --train "$train" --test "$test" --report "$OUT/$set-model.json" --seed "$SEED" > /dev/null
  java -jar "$JAR" baseline --train "$train" --test "$test" --report "$OUT/$set-baseline.json" --seed "$SEED" > /dev/null
  for kind in model baseline; do
    python3 - "$OUT/$set-$kind.json" "$set$split" "$kind" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
auto = r.get("autoRouted", {})
print(f"{sys.argv[2]:<48} {sys.argv[3]:<8} accuracy {r['accuracy']:.4f}  macroF1 {r['macroF1']:.4f}  "
      f"autoRouted {auto.get('share', float('nan')):.3f} @ precision {auto.get('precision', float('nan')):.4f}  "
      f"coverage@0.95 {r['coverageAtPrecision']['0.95']:.3f}  train {r['trainSeconds']} s  {r['predictionsPerSecond']} predictions/s"
      + (f"  1 KB texts single-thread {r['singleThread1KbPredictionsPerSecond']} predictions/s" if 'singleThread1KbPredictionsPerSecond' in r else ""))
PY
  done
  json+="\"$set\":{\"model\":$(cat "$OUT/$set-model.json"),\"baseline\":$(cat "$OUT/$set-baseline.json")},"
done
json="${json%,}}"
python3 -c 'import json,sys; print(json.dumps(json.loads(sys.argv[1]), separators=(",", ":")))' "$json"
