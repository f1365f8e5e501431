#!/usr/bin/env bash
# Retrieval quality on the small Debian manuals corpus: downloads the corpus (../shared/corpus/debian-pdfs.sh), ingests
# it into a fresh collection with the given -p overrides, runs bin/ingest eval on eval/debian-small.tsv in each search
# mode with the same overrides, and prints one table.
#
#   usage: bench/eval.sh [-p key=value ...]        e.g. bench/eval.sh -p chunk.size=256
#
# Environment:
#   EVAL_CACHE       where debian-pdfs.sh downloads the corpus (default ~/.cache/milvus-ingest/debian-pdfs)
#   EVAL_WORK        folder for the Milvus Lite data and logs (default: a new /tmp/milvus-ingest-eval.XXXXXX)
#   EVAL_SET         question set (default eval/debian-small.tsv)
#   EVAL_MODES       search modes to evaluate (default "hybrid dense sparse")
#   EVAL_COLLECTION  collection name (default eval_debian_small)
#   EVAL_SKIP_INGEST 1 = reuse the collection already in EVAL_WORK (for changes that touch search only)
# Not a test: nothing in mvn verify runs it. Ingesting the ~1,000 pages takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
overrides=("$@")
work=${EVAL_WORK:-$(mktemp -d /tmp/milvus-ingest-eval.XXXXXX)}
set_file=${EVAL_SET:-eval/debian-small.tsv}
modes=${EVAL_MODES:-hybrid dense sparse}
collection=${EVAL_COLLECTION:-eval_debian_small}
mkdir -p "$work"
log() { echo "[eval] $*" >&2; }
common=(--collection "$collection" -p milvus.uri="$work/milvus" -p ingest.report-dir="$work/reports" "${overrides[@]}")

if [ "${EVAL_SKIP_INGEST:-0}" != 1 ]; then
  pdfs=$(bash ../shared/corpus/debian-pdfs.sh "${EVAL_CACHE:-$HOME/.cache/milvus-ingest/debian-pdfs}" small | tail -1)
  log "ingesting $pdfs into $collection (work folder $work; log $work/ingest.log)"
  rc=0
  bin/ingest files "$pdfs" --recreate "${common[@]}" > "$work/ingest.log" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { log "bin/ingest files failed ($rc): see $work/ingest.log"; exit 1; }
  grep '^files:' "$work/ingest.log" >&2
fi

echo "set: $set_file ($(grep -vc '^#' "$set_file") questions); overrides: ${overrides[*]:-(none)}"
printf '%-7s %-9s %6s %9s %10s %6s %8s\n' mode level hit@1 recall@5 recall@10 MRR nDCG@10
for mode in $modes; do
  bin/ingest eval "$set_file" --mode "$mode" "${common[@]}" --json > "$work/eval-$mode.json" 2> "$work/eval-$mode.err" \
    || { log "bin/ingest eval --mode $mode failed: see $work/eval-$mode.err"; exit 1; }
  python3 - "$mode" "$work/eval-$mode.json" "$set_file" <<'PY'
import json, sys
result = json.load(open(sys.argv[2]))
for level in ("page", "document"):
    s = result["summary"][level]
    print("%-7s %-9s %6.3f %9.3f %10.3f %6.3f %8.3f" % (sys.argv[1], level, s["hitAt1"], s["recallAt5"],
          s["recallAt10"], s["mrr"], s["ndcgAt10"]))
# Page-level hit@1 and recall@5 per part of the set: a part starts at a comment line "# --- name ---".
part, parts = "all", {}
for line in open(sys.argv[3], encoding="utf-8"):
    if line.startswith("# --- "):
        part = line.strip("#- \n").split(":")[0]
    elif line.strip() and not line.startswith("#"):
        parts.setdefault(part, []).append(line.split("\t")[0].strip())
ranks = {q["question"]: q["page_rank"] for q in result["questions"]}
for name, questions in parts.items():
    r = [ranks[q] for q in questions]
    print("%-7s %-11s %4.3f %9.3f   (page level, %d questions)" % ("", name, sum(x == 1 for x in r) / len(r),
          sum(1 <= x <= 5 for x in r) / len(r), len(r)))
PY
done
log "per-question results: $work/eval-<mode>.json"
