#!/usr/bin/env bash
# Cold start of the shaded functions jar, JVM start to first result, for JVM option variants measured side by
# side (interleaved, same machine, same run). Uses archiveDocument with the S3 test event: Spring, the AWS
# clients and the function are built, no network call is made. Results go to docs/performance.md by hand.
#   scripts/benchmark-cold-start.sh [runs per variant, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=$(ls functions/target/functions-*-aws.jar 2>/dev/null | head -1)
[ -n "$jar" ] || mvn -B -q -pl functions -am package -DskipTests
jar=$(ls functions/target/functions-*-aws.jar | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -cp "$jar" -d "$work" scripts/bench/ColdStartProbe.java

variants=(
  "default|"
  "tiered-c1|-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  "tiered-c1-serial-gc|-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)
declare -A samples
for ((run = 1; run <= runs; run++)); do
  for variant in "${variants[@]}"; do
    name=${variant%%|*}; options=${variant#*|}
    # shellcheck disable=SC2086
    line=$(java $options -Xmx512m -DMAIN_CLASS=no.webcruiteresa.functions.WebcruiterEsaApplication \
      -Dwebcruiter-esa.archive.allow-insecure-url=true \
      -Daws.accessKeyId=bench -Daws.secretAccessKey=bench \
      -cp "$jar:$work" ColdStartProbe archiveDocument events/archive-document-s3-test-event.json 2>/dev/null \
      | grep '^RESULT')
    samples[$name]="${samples[$name]:-} ${line#RESULT }"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "java: $(java -version 2>&1 | head -1); runs per variant: $runs; machine: $(nproc) cores"
printf '%-22s %12s %12s %10s %8s\n' variant first_ms second_ms heap_mb ratio
base=""
for variant in "${variants[@]}"; do
  name=${variant%%|*}
  read -ra values <<< "${samples[$name]}"
  first=$(for ((i = 0; i < ${#values[@]}; i += 3)); do echo "${values[i]}"; done | median)
  second=$(for ((i = 1; i < ${#values[@]}; i += 3)); do echo "${values[i]}"; done | median)
  heap=$(for ((i = 2; i < ${#values[@]}; i += 3)); do echo "${values[i]}"; done | median)
  [ -n "$base" ] || base=$first
  printf '%-22s %12s %12s %10s %8s\n' "$name" "$first" "$second" "$heap" \
    "$(awk -v a="$first" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
done
