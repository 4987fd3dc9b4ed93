#!/bin/sh
# The daemon's resident memory at fleet size (BENCHMARKS.md): the sandbox serves SCENARIO with AWS's limits
# multiplied by SCALE; `run` (heap HEAP) collects it with the client's rates multiplied alike, with the example
# rules; once /-/ready says the first evaluation is done, prints the daemon's RSS, the time to ready and the
# number of series /metrics serves.
# Usage: bench/daemon-rss.sh SCENARIO SCALE [HEAP=1g] [PORT=4571] [WEB=9811]
#   e.g. bench/daemon-rss.sh src/main/resources/scenarios/fleet-10k.yml 10
# The daemon's JVM runs the Dockerfile's collector (-XX:+UseParallelGC); JVM_FLAGS replaces it (JVM_FLAGS= for
# the JVM's default).
set -eu
SCENARIO=$1
SCALE=$2
HEAP=${3:-1g}
PORT=${4:-4571}
WEB=${5:-9811}
cd "$(dirname "$0")/.."
[ -f target/backup-sentinel.jar ] || mvn -B -q package -DskipTests
WORK=$(mktemp -d)
SCALED="$WORK/scenario.yml"
sed "s/^  scale: .*/  scale: $SCALE/" "$SCENARIO" > "$SCALED"
cat > "$WORK/sentinel.yml" <<YML
rules: $(pwd)/rules
aws:
  regions: [us-east-1]
  rate_limits: {scale: $SCALE}
daemon:
  data_dir: $WORK/data
web:
  port: $WEB
YML
java -Xmx4g -jar target/backup-sentinel.jar sandbox --scenario "$SCALED" --port "$PORT" > "$WORK/sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX ${DAEMON:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do grep -q "listening" "$WORK/sandbox.log" && break; sleep 0.5; done
START=$(date +%s)
AWS_ENDPOINT_URL="http://127.0.0.1:$PORT" AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=x \
    AWS_REGION=us-east-1 java "-Xmx$HEAP" ${JVM_FLAGS--XX:+UseParallelGC} -jar target/backup-sentinel.jar run --config "$WORK/sentinel.yml" \
    > "$WORK/daemon.log" 2>&1 &
DAEMON=$!
until curl -sf "http://127.0.0.1:$WEB/-/ready" > /dev/null; do
    kill -0 $DAEMON 2>/dev/null || { tail -5 "$WORK/daemon.log"; exit 1; }
    sleep 2
done
echo "ready after $(( $(date +%s) - START )) s"
echo "daemon RSS: $(awk '/VmRSS/ {print int($2/1024) " MB"}' /proc/$DAEMON/status) (-Xmx$HEAP)"
echo "series on /metrics: $(curl -s "http://127.0.0.1:$WEB/metrics" | grep -vc '^#')"
