#!/usr/bin/env bash
# Kafka scale-out throughput (bench/kafka/KafkaScaleBench.java): 1, 2, 4 bin/ingest worker processes on one real
# Kafka broker (bin/setup-kafka) and one Milvus Lite server, with a remote embedding STUB (fixed latency per request)
# and with the in-process model. Prints a Markdown table (docs/s and the ratio to 1 worker).
# Usage: bench/kafka-scale.sh [DOCS] [STUB_LATENCY_MS] [WORKERS...]   (default: 60 400 1 2 4)
# Needs the build (mvn -B -q package -DskipTests -pl milvus-ingest-app -am, test classes included) and .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-60}"; LATENCY="${2:-400}"; shift $(( $# > 2 ? 2 : $# )) || true
WORKERS=("${@:-1 2 4}")
KAFKA_LIB="$(bin/setup-kafka)"
bin/setup-python >/dev/null
APP=milvus-ingest-app/target
CORE=milvus-ingest-core/target
[ -d "$APP/test-classes/io/milvusingest/kafka" ] || { echo "build first: mvn -B -q -o test-compile package -DskipTests -pl milvus-ingest-app -am" >&2; exit 1; }
# a snapshot of what the workers run (jar, libraries, routes, configuration), immune to rebuilds during the run
HOME_COPY="$(mktemp -d /tmp/kafka-scale-home.XXXX)"
trap 'rm -rf "$HOME_COPY"' EXIT
mkdir -p "$HOME_COPY/lib"
cp "$APP/milvus-ingest.jar" "$APP"/lib/*.jar "$HOME_COPY/lib/"
cp -r routes config "$HOME_COPY/"
ln -s "$PWD/.venv" "$HOME_COPY/.venv"
cp -r "$APP/test-classes" "$HOME_COPY/app-test-classes"
cp -r "$CORE/test-classes" "$HOME_COPY/core-test-classes"
CP="$HOME_COPY/app-test-classes:$HOME_COPY/lib/*:$HOME_COPY/core-test-classes"
java -Xmx512m -Dkafka.lib="$KAFKA_LIB" -Dbench.home="$HOME_COPY" -cp "$CP" bench/kafka/KafkaScaleBench.java \
  "$DOCS" "$LATENCY" ${WORKERS[*]}
