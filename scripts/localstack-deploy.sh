#!/usr/bin/env bash
# Deploys template.yaml to a running LocalStack and points the functions at the archive simulator.
#
#   1. LocalStack:   docker run --rm -p 4566:4566 -v /var/run/docker.sock:/var/run/docker.sock \
#                      localstack/localstack:4.4.0        (newer images need -e LOCALSTACK_AUTH_TOKEN=…)
#   2. The archive:  java -jar local-stack/target/local-stack-exec.jar --archive-only --bind 172.17.0.1
#                    (LocalStack runs each Lambda in its own container; they reach the host on the Docker
#                    bridge address, 172.17.0.1 on Linux, host.docker.internal on Docker Desktop)
#   3. This script:  scripts/localstack-deploy.sh
#
# Environment: LOCALSTACK_ENDPOINT (http://localhost:4566), STACK_NAME (webcruiter-esa-local),
# ARCHIVE_URL (http://172.17.0.1:8092/noark5v5/).
set -euo pipefail
cd "$(dirname "$0")/.."

endpoint=${LOCALSTACK_ENDPOINT:-http://localhost:4566}
stack=${STACK_NAME:-webcruiter-esa-local}
archive_url=${ARCHIVE_URL:-http://172.17.0.1:8092/noark5v5/}
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-eu-north-1}
aws_local() { aws --endpoint-url "$endpoint" "$@"; }

echo "== building the functions jar"
mvn -B -q -pl functions -am package -DskipTests

parameters=(EnvironmentName=local "ArchiveUrl=$archive_url" ArchiveAuth=none)
# The deployed template takes an https archive only; this local copy lets the functions reach the simulator over http.
mkdir -p target
sed -e 's|AllowedPattern: "https://.+"|AllowedPattern: "https?://.+"|' \
    -e 's|WEBCRUITERESA_ARCHIVE_ALLOWINSECUREURL: "false"|WEBCRUITERESA_ARCHIVE_ALLOWINSECUREURL: "true"|' \
    template.yaml > target/local-template.yaml
if command -v samlocal >/dev/null 2>&1; then
  echo "== deploying with samlocal"
  samlocal deploy --template-file target/local-template.yaml --stack-name "$stack" --resolve-s3 \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-confirm-changeset --no-fail-on-empty-changeset \
    --parameter-overrides "${parameters[@]}"
else
  echo "== deploying with the AWS CLI (CloudFormation with the SAM transform)"
  artifacts=webcruiter-esa-local-artifacts
  jar=$(ls functions/target/functions-*-aws.jar | head -1)
  aws_local s3 mb "s3://$artifacts" >/dev/null 2>&1 || true
  aws_local s3 cp "$jar" "s3://$artifacts/$(basename "$jar")"
  # The SAM transform needs the code in S3: point the template's CodeUri (in Globals) at the uploaded jar.
  sed "s|CodeUri: functions/target/.*|CodeUri: s3://$artifacts/$(basename "$jar")|" target/local-template.yaml \
    > target/packaged.yaml
  aws_local cloudformation deploy --template-file target/packaged.yaml --stack-name "$stack" \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameter-overrides "${parameters[@]}"
fi

output() {
  aws_local cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket=$(output DropBucketName)
posting_queue=$(output PostingQueueUrl)
cat <<TXT

Deployed. Drop a document and watch it arrive in the archive:
  aws --endpoint-url $endpoint sqs send-message --queue-url $posting_queue \\
    --message-body '{"type":"PostingPublished","caseNumber":"240117","title":"Lærer","organisationalUnit":"Byåsen skole"}'
  aws --endpoint-url $endpoint s3 cp soknad.pdf s3://$bucket/240117/WC201-240117-1001/soknad.pdf
  aws --endpoint-url $endpoint s3 cp WC201-240117-1001.xml s3://$bucket/240117/WC201-240117-1001/WC201-240117-1001.xml
  open http://127.0.0.1:8092/arkiv/        (the archive simulator's view)
TXT
