#!/usr/bin/env bash
# The benchmark suite: builds what it needs, then measures the functions against their baselines side by side in
# one run and prints one table (medians, min–max, ratios). See docs/performance.md.
#   scripts/benchmark.sh [-Dbench.runs=5] [-Dbench.docs=24] [-Dbench.fileKb=512] [-Dbench.workers=1,4,16]
#                        [-Dbench.throughputReps=2] [-Dbench.largeMb=200] [-Dbench.functions=createCase,archiveDocument,removeXmlAttachment,retentionSweep]
#                        [-Dbench.skipCold=true] [-Dbench.skipThroughput=true] [-Dbench.skipMemory=true]
# The table is printed at the end and kept in benchmarks/target/benchmark-table.txt; the embedded stack's log goes
# to benchmarks/target/benchmark.log, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
fi
product=$(ls functions/target/functions-*-aws.jar | head -1)
baseline=$(ls benchmarks/target/benchmarks-*-baseline.jar | head -1)
java -Xmx3g -Djava.net.preferIPv4Stack=true -Dlogging.level.root=WARN -Dspring.main.banner-mode=off \
  -Dbench.productJar="$product" -Dbench.baselineJar="$baseline" -Dbench.probeClasses=benchmarks/target/classes \
  -Dbench.events=events "$@" \
  -Dbench.table=benchmarks/target/benchmark-table.txt \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" no.webcruiteresa.benchmarks.Benchmark \
  > benchmarks/target/benchmark.log
cat benchmarks/target/benchmark-table.txt
