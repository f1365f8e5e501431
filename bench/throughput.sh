#!/usr/bin/env bash
# Throughput benchmark (issue 7): one run, one machine, three legs one after another (never concurrently):
#   1. pure model  - bge-small-en-v1.5-q alone on ONNX Runtime over the same chunks, best threads/batch (the limit)
#   2. ours        - bin/ingest files DIR --collection bench_ours --recreate, into its own embedded Milvus Lite
#   3. langchain4j - EmbeddingStoreIngestor + ApachePdfBoxDocumentParser + recursive splitter + the same
#                    model + MilvusEmbeddingStore, on a Milvus Lite server started here
# then prints pages/s, chunks/s, tokens/s, rows/s, stage times, startup, peak RSS and the ratios.
#
#   usage: bench/throughput.sh [small|medium]
#
# Environment:
#   BENCH_CACHE   where ../shared/corpus/debian-pdfs.sh downloads the corpus (default ~/.cache/milvus-ingest/debian-pdfs;
#                 on the dev box it is already at /tmp/debian, so BENCH_CACHE=/tmp/debian)
#   BENCH_PDFS    a folder of PDFs to use instead of the Debian corpus (e.g. a 2-file subset while developing)
#   BENCH_HEAP    JVM heap flag for every leg (default -Xmx1g)
#   BENCH_SWEEP   extra key=value arguments for the pure-model leg, e.g. "sweep.chunks=0 fixed=2x1x1" to skip the
#                 sweep, or "sweep.batches=1,8 sweep.layouts=2x1,1x2"
#   OURS_OPTS     extra arguments for bin/ingest files, e.g. "-p embed.batch-size=8 -p embed.threads=2"
#   BENCH_WORK    folder for logs, reports and Milvus Lite data (default: a new /tmp/milvus-ingest-bench.XXXXXX)
#   BENCH_LEGS    which legs to run (default "model ours langchain4j"); figures of skipped legs print as n/a
# Needs: JDK 17, Maven, python3, /usr/bin/time (Debian package "time"). Not a test: nothing in mvn verify runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
size=${1:-small}
case "$size" in small|medium) ;; *) echo "usage: bench/throughput.sh [small|medium]" >&2; exit 2 ;; esac
heap=${BENCH_HEAP:--Xmx1g}
legs=" ${BENCH_LEGS:-model ours langchain4j} "
runs() { case "$legs" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
work=${BENCH_WORK:-$(mktemp -d /tmp/milvus-ingest-bench.XXXXXX)}
mkdir -p "$work"
log() { echo "[bench] $*" >&2; }

[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

# --- corpus -------------------------------------------------------------------------------------------
if [ -n "${BENCH_PDFS:-}" ]; then
  pdfs=$BENCH_PDFS
else
  pdfs=$(bash ../shared/corpus/debian-pdfs.sh "${BENCH_CACHE:-$HOME/.cache/milvus-ingest/debian-pdfs}" "$size" | tail -1)
fi
pdfs=$(cd "$pdfs" && pwd)
log "corpus: $pdfs ($(find -L "$pdfs" -type f -name '*.pdf' | wc -l) PDFs); work folder: $work"

# --- build (before any timing, so no leg pays for Maven) -------------------------------------------
if [ ! -f milvus-ingest-app/target/milvus-ingest.jar ] || [ -n "$(find */src/main pom.xml */pom.xml -newer milvus-ingest-app/target/milvus-ingest.jar -print -quit)" ]; then
  log "building the product (mvn package, tests skipped)"
  mvn -B -q -DskipTests install >&2
fi
lc4j=bench/langchain4j
if [ ! -f $lc4j/target/bench-langchain4j.jar ] || [ -n "$(find $lc4j/src $lc4j/pom.xml -newer $lc4j/target/bench-langchain4j.jar -print -quit)" ]; then
  log "building the LangChain4j leg (bench/langchain4j, its own class path)"
  (cd $lc4j && mvn -B -q -DskipTests package) >&2
fi
model_classes=bench/model/target/classes
if [ ! -f $model_classes/bench/PureModelLeg.class ] \
   || [ -n "$(find bench/model/src milvus-ingest-app/target/milvus-ingest.jar -newer $model_classes/bench/PureModelLeg.class -print -quit)" ]; then
  log "compiling the pure-model leg against the product jar"
  mkdir -p $model_classes
  javac -nowarn -d $model_classes -cp "milvus-ingest-app/target/milvus-ingest.jar:milvus-ingest-app/target/lib/*" bench/model/src/main/java/bench/PureModelLeg.java >&2
fi
bin/setup-python >/dev/null
lite_cmd=$ROOT/.venv/bin/milvus-lite

# settle: waits (at most BENCH_SETTLE seconds, default 90) for the 1-minute load average to fall below 1.0, so a
# leg does not start in the previous leg's (or a build's) wake; the load is recorded after it.
settle() {
  local waited=0 limit=${BENCH_SETTLE:-90}
  while [ "$waited" -lt "$limit" ] && awk '{exit !($1 >= 1.0)}' /proc/loadavg; do sleep 5; waited=$((waited + 5)); done
  [ "$waited" -gt 0 ] && log "waited ${waited} s for the load to settle ($(cut -d' ' -f1 /proc/loadavg))"
  return 0
}

# --- peak RSS watcher ----------------------------------------------------------------------------------
# watch_rss ROOT_PID OUT: until ROOT_PID exits, writes "<peak VmHWM of the java process> <peak summed VmRSS of
# the other processes under ROOT_PID>" in kB (sampled every 0.5 s; VmHWM is the kernel's own high-water mark).
tree() { local p=$1; echo "$p"; for c in $(pgrep -P "$p" 2>/dev/null); do tree "$c"; done; }
watch_rss() {
  local root=$1 out=$2 jvm=0 other=0 sum hwm rss comm
  echo "0 0" > "$out"
  while kill -0 "$root" 2>/dev/null; do
    sum=0
    for p in $(tree "$root"); do
      comm=$(cat /proc/"$p"/comm 2>/dev/null || true)
      case "$comm" in
        java) hwm=$(awk '/^VmHWM/{print $2}' /proc/"$p"/status 2>/dev/null || true)
              [ -n "$hwm" ] && [ "$hwm" -gt "$jvm" ] && jvm=$hwm ;;
        time|bash|"") ;;
        *) rss=$(awk '/^VmRSS/{print $2}' /proc/"$p"/status 2>/dev/null || true); sum=$((sum + ${rss:-0})) ;;
      esac
    done
    [ "$sum" -gt "$other" ] && other=$sum
    echo "$jvm $other" > "$out"
    sleep 0.5
  done
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# --- 1. pure model -------------------------------------------------------------------------------------
if runs model; then
  log "1/3 pure model (sweep, then all chunks with the best layout)"
  settle
  cut -d' ' -f1-3 /proc/loadavg > "$work/model.load"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/model.time" java $heap -cp "$model_classes:milvus-ingest-app/target/milvus-ingest.jar:milvus-ingest-app/target/lib/*" \
    bench.PureModelLeg "$pdfs" "$work/model.out" ${BENCH_SWEEP:-} > "$work/model.log" 2> "$work/model.err" &
  pid=$!; watch_rss "$pid" "$work/model.rss" & wpid=$!
  wait "$pid" || { log "pure-model leg failed: see $work/model.err"; exit 1; }
  wait "$wpid" || true
  grep -v '^WARN' "$work/model.log" >&2 || true
fi

# --- 2. ours -------------------------------------------------------------------------------------------
if runs ours; then
  log "2/3 ours: bin/ingest files (embedded Milvus Lite in $work/milvus-ours)"
  settle
  cut -d' ' -f1-3 /proc/loadavg > "$work/ours.load"
  echo "$(now_ms)" > "$work/ours.launch_ms"
  # shellcheck disable=SC2086
  JAVA_OPTS="$heap ${JAVA_OPTS:-}" /usr/bin/time -v -o "$work/ours.time" \
    bin/ingest files "$pdfs" --collection bench_ours --recreate -p ingest.report-dir="$work/ours-report" \
    -p milvus.uri="$work/milvus-ours" ${OURS_OPTS:-} > "$work/ours.log" 2> "$work/ours.err" &
  pid=$!; watch_rss "$pid" "$work/ours.rss" & wpid=$!
  rc=0; wait "$pid" || rc=$?
  wait "$wpid" || true
  [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { log "bin/ingest files failed ($rc): see $work/ours.err"; exit 1; }
  tail -3 "$work/ours.log" >&2
fi

# --- 3. LangChain4j ------------------------------------------------------------------------------------
if runs langchain4j; then
  port=$(free_port)
  log "3/3 LangChain4j: Milvus Lite on 127.0.0.1:$port ($work/milvus-langchain4j)"
  "$lite_cmd" server --data-dir "$work/milvus-langchain4j" --host 127.0.0.1 --port "$port" > "$work/lite-langchain4j.log" 2>&1 &
  lite_pid=$!
  trap 'kill "$lite_pid" 2>/dev/null || true' EXIT
  watch_rss "$lite_pid" "$work/lite-langchain4j.rss" & lite_wpid=$!
  for _ in $(seq 120); do (echo > /dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.5; done
  settle
  cut -d' ' -f1-3 /proc/loadavg > "$work/langchain4j.load"
  echo "$(now_ms)" > "$work/langchain4j.launch_ms"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/langchain4j.time" java $heap -cp "$lc4j/target/bench-langchain4j.jar:$lc4j/target/lib/*" \
    bench.LangChain4jLeg "$pdfs" "http://127.0.0.1:$port" bench_langchain4j "$work/langchain4j.out" \
    > "$work/langchain4j.log" 2> "$work/langchain4j.err" &
  pid=$!; watch_rss "$pid" "$work/langchain4j.rss" & wpid=$!
  rc=0; wait "$pid" || rc=$?
  wait "$wpid" || true
  kill "$lite_pid" 2>/dev/null || true
  wait "$lite_pid" 2>/dev/null || true
  wait "$lite_wpid" 2>/dev/null || true
  trap - EXIT
  [ "$rc" -eq 0 ] || { log "LangChain4j leg failed ($rc): see $work/langchain4j.err"; tail -5 "$work/langchain4j.err" >&2; exit 1; }
  tail -1 "$work/langchain4j.log" >&2
fi

# --- results -------------------------------------------------------------------------------------------
python3 bench/summarize.py "$work" "$pdfs" "$size" "$heap" | tee "$work/results.md"
log "all logs, reports and results.md: $work"
