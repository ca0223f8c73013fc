#!/usr/bin/env bash
# Unknown topics: for each label of a data set in turn, trains on TRAIN without that label and
# classifies that label's TEST texts, which the model has never seen a mailbox for. Every one of them
# that is routed is routed wrongly; the target is that at least 90 % go to a person. A set with only
# train.csv is split 80/20, stratified by label, with the seed (as bench/classifier.sh does).
# Prints one line per label and, last, one JSON object per set with the share sent to review overall
# and per label. Reports are written to target/bench/unknown-topics/.
# Usage: bench/unknown-topics.sh [SET ...]   (default: sib200-da agenda-da); SEED (default 7);
# ENCODER=none trains without the second stage (as training does itself where it does not help);
# LABELS=a,b leaves out only these labels (the summary counts every report in the output directory).
DEFAULT_OUT=target/bench/unknown-topics
source "$(dirname "$0")/classifier-common.sh"
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(sib200-da agenda-da)
json="{"
for set in "${sets[@]}"; do
  split_if_needed "$set"
  train="$TRAIN"; test="$TEST"
  labels=$(python3 - "$train" <<'PY'
import csv, sys
print("\n".join(sorted({row["label"] for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"))})))
PY
)
  while IFS= read -r label; do
    if [ -n "${LABELS:-}" ] && [[ ",$LABELS," != *",$label,"* ]]; then continue; fi
    python3 - "$train" "$test" "$label" "$OUT/$set-without.csv" "$OUT/$set-only.csv" <<'PY'
import csv, sys
train, test, label, without, only = sys.argv[1:]
def copy(source, target, keep):
    with open(source, encoding="utf-8") as f, open(target, "w", encoding="utf-8", newline="") as g:
        reader = csv.DictReader(f)
        writer = csv.DictWriter(g, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(row for row in reader if keep(row["label"]))
copy(train, without, lambda l: l != label)
copy(test, only, lambda l: l == label)
PY
    safe=$(printf '%s' "$label" | tr -c 'A-Za-z0-9-' '_')
    java -jar "$JAR" evaluate --train "$OUT/$set-without.csv" --test "$OUT/$set-only.csv" \
      --report "$OUT/$set-label-$safe.json" --seed "$SEED" --speed off ${ENCODER:+--encoder "$ENCODER"} > /dev/null
    python3 - "$OUT/$set-label-$safe.json" "$set" "$label" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:<12} without {sys.argv[3]:<40} {r['examples']:>4} texts, to review {1 - r['autoRouted']['share']:.3f}")
PY
  done <<< "$labels"
  part=$(python3 - "$OUT" "$set" <<'PY'
import glob, json, os, sys
out, name = sys.argv[1:]
per, texts, review = {}, 0, 0
for path in sorted(glob.glob(os.path.join(out, name + "-label-*.json"))):
    r = json.load(open(path))
    label = os.path.basename(path)[len(name) + 7:-5]
    n, routed = r["examples"], r["autoRouted"]["routed"]
    per[label] = round(1 - routed / n, 4) if n else None
    texts += n
    review += n - routed
print(json.dumps({"texts": texts, "toReview": round(review / texts, 4), "perLabel": per}, separators=(",", ":")))
PY
)
  json+="\"$set\":$part,"
done
json="${json%,}}"
echo "$json"
