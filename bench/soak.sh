#!/usr/bin/env bash
# Soak run: ingests the Debian manuals corpus (medium: ~60 PDFs, ~5,800 pages) in one bin/ingest files run
# with a bounded heap, then prints pages, time, failures by kind (from the run report) and peak RSS.
#   usage: bench/soak.sh [small|medium|large] [CORPUS_SCRIPT]
# CORPUS_SCRIPT defaults to ../shared/corpus/debian-pdfs.sh (it downloads Debian -doc packages with
# apt-get download; run 'apt-get update' once first on a new machine). Not part of CI: medium took 9 min on 2 idle cores.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-medium}
corpus_script=${2:-../shared/corpus/debian-pdfs.sh}
cache=${SOAK_CACHE:-$HOME/.cache/milvus-ingest/debian-pdfs}
pdfs=$(bash "$corpus_script" "$cache" "$size" | tail -1)
reports=$(mktemp -d)
echo "[soak] corpus: $pdfs ($(ls "$pdfs" | wc -l) PDFs), heap -Xmx1g"
JAVA_OPTS="-Xmx1g ${JAVA_OPTS:-}" /usr/bin/time -v -o "$reports/time.txt" \
  bin/ingest files "$pdfs" --collection "soak_$size" --recreate -p ingest.report-dir="$reports" || true
report=$(ls "$reports"/files-*.jsonl | head -1)
echo "[soak] report: $report"
tail -1 "$report"
echo "[soak] failures by kind:"
grep '"status":"failed"' "$report" | sed 's/.*"kind":"\([A-Z_]*\)".*/\1/' | sort | uniq -c || echo "  none"
echo "[soak] peak RSS (JVM; Milvus Lite is a separate process): $(grep 'Maximum resident' "$reports/time.txt" | awk '{print $NF}') kB"
echo "[soak] wall time: $(grep 'Elapsed' "$reports/time.txt" | awk '{print $NF}')"
