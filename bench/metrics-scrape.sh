#!/bin/sh
# /metrics scrape latency (BENCHMARKS.md): serves a synthetic fleet of TABLES tables × 12 rules on PORT,
# warms up, then scrapes with 10 concurrent connections for DURATION, gzip-accepting like Prometheus, then
# without compression; stops the server it started.
# Usage: bench/metrics-scrape.sh [TABLES=10000] [DURATION=30s] [PORT=9798]
set -eu
TABLES=${1:-10000}
DURATION=${2:-30s}
PORT=${3:-9798}
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.backupsentinel.bench.MetricsScrapeBenchServer "$PORT" "$TABLES" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/-/ready" && break
    sleep 0.5
done
echo "series in one scrape: $(curl -s "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')"
wrk -t2 -c10 -d10s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/metrics" > /dev/null
echo "== gzip (as Prometheus scrapes)"
wrk -t2 -c10 -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/metrics"
echo "== identity (no compression)"
wrk -t2 -c10 -d"$DURATION" --latency "http://127.0.0.1:$PORT/metrics"
