#!/usr/bin/env bash
# Search latency: 200 hybrid queries against bin/ingest serve, 10 through bin/ingest search, on the demo collection
# (created by bin/ingest demo when missing). Prints p50/p95 per leg and their ratio. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d data/milvus ] || [ "${BENCH_DEMO:-}" = "1" ]; then
  bin/ingest demo >/dev/null
fi
exec python3 bench/search_latency.py "${1:-200}" "${2:-10}"
