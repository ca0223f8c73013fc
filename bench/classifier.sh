#!/usr/bin/env bash
# Classifier benchmark: for every data set in ../shared/data (or DATA_DIR), trains on TRAIN only and
# evaluates on TEST with the product's classifier (`evaluate`) and with the TF-IDF + logistic
# regression yardstick (`baseline`) on the same split. A set with only train.csv is split 80/20,
# stratified by label, with the same seed (`split`). Seed: SEED (default 7). Prints one line per set and model; the last line is one
# JSON object with every report. Reports are also written to target/bench/classifier/. Each model
# report has `singleThread1KbPredictionsPerSecond`: predictions (with the routing decision) per second
# on one thread for texts of about 1 KB built from the set's test texts (target >= 2,000), and, for a
# model with the second stage, `encoderMillisecondsPerText`: one sentence-encoder call on one thread.
# Usage: bench/classifier.sh [SET ...]   (default: every set)
DEFAULT_OUT=target/bench/classifier
source "$(dirname "$0")/classifier-common.sh"
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  for dir in "$DATA_DIR"/*/; do sets+=("$(basename "$dir")"); done
fi
json="{"
for set in "${sets[@]}"; do
  split_if_needed "$set"
  java -jar "$JAR" evaluate --train "$TRAIN" --test "$TEST" --report "$OUT/$set-model.json" --seed "$SEED" > /dev/null
  java -jar "$JAR" baseline --train "$TRAIN" --test "$TEST" --report "$OUT/$set-baseline.json" --seed "$SEED" > /dev/null
  for kind in model baseline; do
    python3 - "$OUT/$set-$kind.json" "$set$SPLIT" "$kind" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
auto = r.get("autoRouted", {})
print(f"{sys.argv[2]:<48} {sys.argv[3]:<8} accuracy {r['accuracy']:.4f}  macroF1 {r['macroF1']:.4f}  "
      f"autoRouted {auto.get('share', float('nan')):.3f} @ precision {auto.get('precision', float('nan')):.4f}  "
      f"coverage@0.95 {r['coverageAtPrecision']['0.95']:.3f}  train {r['trainSeconds']} s  {r['predictionsPerSecond']} predictions/s"
      + (f"  1 KB texts single-thread {r['singleThread1KbPredictionsPerSecond']} predictions/s" if 'singleThread1KbPredictionsPerSecond' in r else "")
      + (f"  encoder {r['encoderMillisecondsPerText']['setTexts']} ms a text ({r['encoderMillisecondsPerText']['kilobyteTexts']} ms at 1 KB)" if 'encoderMillisecondsPerText' in r else ""))
PY
  done
  json+="\"$set\":{\"model\":$(cat "$OUT/$set-model.json"),\"baseline\":$(cat "$OUT/$set-baseline.json")},"
done
json="${json%,}}"
python3 -c 'import json,sys; print(json.dumps(json.loads(sys.argv[1]), separators=(",", ":")))' "$json"
