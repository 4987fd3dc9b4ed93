#!/bin/sh
# Collection at the rate-limit floor (BENCHMARKS.md): the sandbox in one JVM with SCENARIO's AWS limits
# multiplied by SCALE, and CollectorBenchmark in another JVM (heap HEAP) with the client's rates multiplied
# alike; prints calls per table, wall time against the floor, and the collector's largest heap after a GC.
# Usage: bench/collector.sh SCENARIO SCALE [HEAP=1g] [PORT=4570]
#   e.g. bench/collector.sh src/main/resources/scenarios/fleet-10k.yml 10
set -eu
SCENARIO=$1
SCALE=$2
HEAP=${3:-1g}
PORT=${4:-4570}
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
SCALED="target/bench-$(basename "$SCENARIO" .yml)-x$SCALE.yml"
# The fleet scenarios end with "faults: {profile: aws, scale: N}"; only the scale changes.
sed "s/^  scale: .*/  scale: $SCALE/" "$SCENARIO" > "$SCALED"
grep -q "^  scale: $SCALE\$" "$SCALED" || { echo "$SCENARIO has no faults.scale line to set" >&2; exit 1; }
java -Xmx4g -jar target/backup-sentinel.jar sandbox --scenario "$SCALED" --port "$PORT" > target/bench-sandbox.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
    grep -q "listening" target/bench-sandbox.log && break
    sleep 0.5
done
java "-Xmx$HEAP" -Xlog:gc:file=target/bench-collector-gc.log \
    -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.backupsentinel.bench.CollectorBenchmark "$SCALED" --endpoint "http://127.0.0.1:$PORT" --scale "$SCALE"
grep -o '[0-9]*M->[0-9]*M' target/bench-collector-gc.log \
    | awk -F'->' '{ sub("M", "", $2); if ($2 + 0 > max) max = $2 + 0 } END { print "collector heap: largest after a GC " max " MB (-Xmx'"$HEAP"')" }'
