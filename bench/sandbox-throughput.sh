#!/bin/sh
# Sandbox throughput (BENCHMARKS.md): starts the sandbox with TABLES tables on PORT, warms up, measures
# DescribeContinuousBackups with wrk for DURATION, then stops the sandbox it started.
# Usage: bench/sandbox-throughput.sh [TABLES=1000] [DURATION=30s] [PORT=4566]
set -eu
TABLES=${1:-1000}
DURATION=${2:-30s}
PORT=${3:-4566}
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.backupsentinel.sandbox.bench.SandboxBenchServer "$PORT" "$TABLES" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.5
done
wrk -t1 -c32 -d10s -s bench/describe-continuous-backups.lua "http://127.0.0.1:$PORT/" -- "$TABLES" > /dev/null
wrk -t1 -c32 -d"$DURATION" -s bench/describe-continuous-backups.lua "http://127.0.0.1:$PORT/" -- "$TABLES"
