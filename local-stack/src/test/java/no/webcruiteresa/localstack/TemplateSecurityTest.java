package no.webcruiteresa.localstack;

import static no.webcruiteresa.localstack.SamTemplate.list;
import static no.webcruiteresa.localstack.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.webcruiteresa.localstack.TemplatePolicies.Resolver;
import no.webcruiteresa.localstack.TemplatePolicies.Statement;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * template.yaml read as a cloud security reviewer would: every function under its own role, no S3 or SQS action on
 * everything, consumers only on their own queue, logs only to their own group, everything encrypted with the
 * stack's key, the bucket private, TLS-only and versioned with a lifecycle that agrees with the 12 months.
 */
class TemplateSecurityTest {
    private static final SamTemplate TEMPLATE = SamTemplate.fromClasspath();
    private static final Topology TOPOLOGY = Topology.from(TEMPLATE);
    private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::${DropBucket}";

    /** The actions a role allows on a resource whose symbolic ARN ends with {@code resourceSuffix}. */
    static Set<String> actionsOn(SamTemplate template, String roleId, String resourceSuffix) {
        Set<String> actions = new HashSet<>();
        for (Statement s : TemplatePolicies.statements(template, roleId, Resolver.symbolic())) {
            if (s.effect().equals("Allow") && s.resources().stream().anyMatch(r -> r.endsWith(resourceSuffix))) {
                actions.addAll(s.actions());
            }
        }
        return actions;
    }

    private static String roleOf(String functionId) {
        return SamTemplate.referencedId(TEMPLATE.properties(functionId).get("Role"));
    }

    private static List<Statement> statementsOf(String functionId) {
        return TemplatePolicies.statements(TEMPLATE, roleOf(functionId), Resolver.symbolic());
    }

    @Test
    void everyFunctionRunsUnderItsOwnHandWrittenRole_withoutSamPolicies() {
        List<String> functions = TEMPLATE.resourcesOfType("AWS::Serverless::Function");
        Set<String> roles = new HashSet<>();
        assertThat(functions).hasSize(8);
        for (String id : functions) {
            Map<String, Object> properties = TEMPLATE.properties(id);
            assertThat(properties).as(id + " uses no SAM policy templates").doesNotContainKey("Policies");
            assertThat(map(properties.get("Role"))).as(id + " role").containsKey("Fn::GetAtt");
            String role = roleOf(id);
            assertThat(TEMPLATE.resource(role)).as(role).containsEntry("Type", "AWS::IAM::Role");
            assertThat(TEMPLATE.properties(role)).as(role + " has no managed policies")
                    .doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
            assertThat(roles.add(role)).as(role + " serves one function only").isTrue();
            String trust = String.valueOf(TEMPLATE.properties(role).get("AssumeRolePolicyDocument"));
            assertThat(trust).contains("lambda.amazonaws.com").contains("sts:AssumeRole");
        }
    }

    @Test
    void noS3OrSqsActionOnEverything_andNoActionWildcards() {
        for (String id : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            for (Statement s : statementsOf(id)) {
                assertThat(s.actions()).as(id + " " + s.sid() + " actions").allSatisfy(action -> assertThat(action)
                        .doesNotContain("*"));
                if (s.actions().stream().anyMatch(a -> a.startsWith("s3:") || a.startsWith("sqs:"))) {
                    assertThat(s.resources()).as(id + " " + s.sid()).isNotEmpty().allSatisfy(resource -> {
                        assertThat(resource).isNotEqualTo("*").doesNotStartWith("arn:aws:s3:::*")
                                .doesNotEndWith(":*");
                        assertThat(resource).matches("arn:\\$\\{AWS::Partition}:s3:::\\$\\{DropBucket}(/.+)?"
                                + "|\\$\\{[A-Za-z]+Queue\\.Arn}");
                    });
                }
                // Only ENI management (under InVpc) may name every resource: EC2 has no narrower ARN for it.
                if (s.resources().contains("*")) {
                    assertThat(s.sid()).as(id + ": a statement on \"*\"").isEqualTo("VpcNetworkInterfaces");
                    assertThat(s.actions()).allSatisfy(a -> assertThat(a).startsWith("ec2:"));
                }
            }
        }
    }

    @Test
    void everyConsumerReceivesOnlyFromItsOwnQueue_andCanBackOff() {
        for (Topology.FunctionSpec consumer : TOPOLOGY.functions()) {
            if (!consumer.isQueueConsumer()) {
                continue;
            }
            String ownQueue = "${" + consumer.queueId() + ".Arn}";
            for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                    "sqs:GetQueueUrl", "sqs:ChangeMessageVisibility")) {
                List<String> resources = statementsOf(consumer.logicalId()).stream().filter(s -> s.allows(action))
                        .flatMap(s -> s.resources().stream()).toList();
                assertThat(resources).as(consumer.logicalId() + " " + action).containsExactly(ownQueue);
            }
        }
    }

    @Test
    void everyFunctionLogsToItsOwnStackCreatedLogGroup_inJson() {
        assertThat(map(TEMPLATE.globals().get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
        for (String id : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            String group = SamTemplate.referencedId(map(TEMPLATE.properties(id).get("LoggingConfig")).get("LogGroup"));
            assertThat(TEMPLATE.resource(group)).containsEntry("Type", "AWS::Logs::LogGroup");
            assertThat(map(TEMPLATE.properties(group).get("RetentionInDays"))).containsEntry("Ref", "LogRetentionDays");
            List<String> logResources = statementsOf(id).stream()
                    .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("logs:")))
                    .flatMap(s -> s.resources().stream()).toList();
            assertThat(logResources).as(id + " logs").containsExactly("${" + group + ".Arn}");
            assertThat(statementsOf(id).stream().flatMap(s -> s.actions().stream()))
                    .doesNotContain("logs:CreateLogGroup");
        }
        assertThat(String.valueOf(TEMPLATE.parameterDefault("LogRetentionDays"))).isEqualTo("365");
    }

    @Test
    void secretAndNetworkInterfacesAreGrantedOnlyUnderTheirConditions() {
        for (String id : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            Resolver noConditions = new Resolver(Resolver.symbolic().ref(), Resolver.symbolic().attribute(), c -> false);
            List<Statement> bare = TemplatePolicies.statements(TEMPLATE, roleOf(id), noConditions);
            assertThat(bare.stream().flatMap(s -> s.actions().stream()))
                    .noneMatch(a -> a.startsWith("secretsmanager:") || a.startsWith("ec2:"));
            statementsOf(id).stream().filter(s -> s.actions().contains("secretsmanager:GetSecretValue"))
                    .forEach(s -> assertThat(s.resources()).containsExactly("${ArchiveCredentialsSecretArn}"));
        }
    }

    @Test
    void everyQueueIncludingDeadLetterQueues_isEncryptedWithTheStacksKey() {
        List<String> queues = TEMPLATE.resourcesOfType("AWS::SQS::Queue");
        assertThat(queues).hasSize(10);
        for (String queue : queues) {
            assertThat(map(TEMPLATE.properties(queue).get("KmsMasterKeyId"))).as(queue).containsEntry("Ref", "DataKey");
        }
        assertThat(TEMPLATE.resource("DataKey")).containsEntry("Type", "AWS::KMS::Key");
        assertThat(TEMPLATE.properties("DataKey")).containsEntry("EnableKeyRotation", true);
    }

    @Test
    void theAlarmTopicIsEncryptedWithTheStacksKey_whichCloudWatchMayUseFromThisAccountOnly() {
        List<String> topics = TEMPLATE.resourcesOfType("AWS::SNS::Topic");
        assertThat(topics).isNotEmpty();
        for (String topic : topics) {
            assertThat(map(TEMPLATE.properties(topic).get("KmsMasterKeyId"))).as(topic).containsEntry("Ref", "DataKey");
        }
        Map<String, Object> policy = map(TemplatePolicies.resolve(TEMPLATE.properties("DataKey").get("KeyPolicy"),
                Resolver.symbolic()));
        Map<String, Object> cloudWatch = list(policy.get("Statement")).stream().map(SamTemplate::map)
                .filter(s -> String.valueOf(s.get("Principal")).contains("cloudwatch.amazonaws.com")).findFirst()
                .orElseThrow();
        assertThat(TemplatePolicies.strings(cloudWatch.get("Action"))).containsExactlyInAnyOrder(
                "kms:GenerateDataKey", "kms:Decrypt");
        assertThat(map(map(cloudWatch.get("Condition")).get("StringEquals")))
                .containsEntry("aws:SourceAccount", "${AWS::AccountId}");
    }

    @Test
    void theKeyLetsS3NotifyTheEncryptedIntakeQueue_onlyFromThisAccountsDropBucket() {
        Map<String, Object> policy = map(TemplatePolicies.resolve(TEMPLATE.properties("DataKey").get("KeyPolicy"),
                Resolver.symbolic()));
        Map<String, Object> s3 = list(policy.get("Statement")).stream().map(SamTemplate::map)
                .filter(s -> String.valueOf(s.get("Principal")).contains("s3.amazonaws.com")).findFirst().orElseThrow();
        assertThat(TemplatePolicies.strings(s3.get("Action"))).containsExactlyInAnyOrder("kms:GenerateDataKey",
                "kms:Decrypt");
        Map<String, Object> condition = map(s3.get("Condition"));
        assertThat(map(condition.get("StringEquals"))).containsEntry("aws:SourceAccount", "${AWS::AccountId}");
        assertThat(String.valueOf(map(condition.get("ArnLike")).get("aws:SourceArn")))
                .endsWith(":s3:::webcruiter-esa-${EnvironmentName}-drop-${AWS::AccountId}");
        // The same name as the bucket's, which cannot be referenced here without a cycle.
        assertThat(TEMPLATE.properties("DropBucket").get("BucketName")).isEqualTo(
                Map.of("Fn::Sub", "webcruiter-esa-${EnvironmentName}-drop-${AWS::AccountId}"));
    }

    @Test
    void theDropBucketIsPrivateEncryptedVersionedAndTlsOnly() {
        Map<String, Object> bucket = TEMPLATE.properties("DropBucket");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).containsEntry("BlockPublicAcls", true)
                .containsEntry("BlockPublicPolicy", true).containsEntry("IgnorePublicAcls", true)
                .containsEntry("RestrictPublicBuckets", true);
        Map<String, Object> encryption = map(list(map(bucket.get("BucketEncryption"))
                .get("ServerSideEncryptionConfiguration")).get(0));
        assertThat(map(encryption.get("ServerSideEncryptionByDefault"))).containsEntry("SSEAlgorithm", "aws:kms")
                .containsEntry("KMSMasterKeyID", Map.of("Fn::GetAtt", "DataKey.Arn"));
        assertThat(encryption).containsEntry("BucketKeyEnabled", true);
        assertThat(map(bucket.get("VersioningConfiguration"))).containsEntry("Status", "Enabled");

        Map<String, Object> policy = map(TemplatePolicies.resolve(
                TEMPLATE.properties("DropBucketPolicy").get("PolicyDocument"), Resolver.symbolic()));
        assertThat(list(policy.get("Statement")).stream().map(SamTemplate::map)).anySatisfy(s -> {
            assertThat(s).containsEntry("Effect", "Deny").containsEntry("Principal", "*").containsEntry("Action", "s3:*");
            assertThat(TemplatePolicies.strings(s.get("Resource"))).containsExactlyInAnyOrder(BUCKET_ARN,
                    BUCKET_ARN + "/*");
            assertThat(map(map(s.get("Condition")).get("Bool"))).containsEntry("aws:SecureTransport", "false");
        });
    }

    @Test
    void noncurrentVersionsExpireAfterTheRetentionPeriod_andExpiredDeleteMarkersGo() {
        Map<String, Object> rule = map(list(map(TEMPLATE.properties("DropBucket").get("LifecycleConfiguration"))
                .get("Rules")).get(0));
        assertThat(rule).containsEntry("Status", "Enabled").containsEntry("ExpiredObjectDeleteMarker", true);
        assertThat(map(map(rule.get("NoncurrentVersionExpiration")).get("NoncurrentDays")))
                .containsEntry("Ref", "RetentionDays");
        Period period = Period.parse(String.valueOf(TEMPLATE.parameterDefault("RetentionPeriod")));
        LocalDate from = LocalDate.of(2025, 1, 1);
        assertThat(Long.parseLong(String.valueOf(TEMPLATE.parameterDefault("RetentionDays"))))
                .as("RetentionDays agrees with RetentionPeriod").isEqualTo(ChronoUnit.DAYS.between(from, from.plus(period)));
    }

    @Test
    void webCruiterMayDropOnlyOutsideTheIntegrationsOwnPrefixes_andPublishOnlyToThePostingQueue() {
        Map<String, Object> policy = map(TemplatePolicies.resolve(
                TEMPLATE.properties("DropBucketPolicy").get("PolicyDocument"), Resolver.symbolic()));
        List<Map<String, Object>> statements = list(policy.get("Statement")).stream().map(SamTemplate::map).toList();
        Map<String, Object> allow = statements.stream().filter(s -> "WebCruiterDrops".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertThat(allow).containsEntry("Effect", "Allow").containsEntry("Action", "s3:PutObject");
        Map<String, Object> deny = statements.stream().filter(s -> "WebCruiterNotInOwnPrefixes".equals(s.get("Sid")))
                .findFirst().orElseThrow();
        assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Action", "s3:PutObject");
        Map<String, Object> defaults = applicationDefaults();
        List<String> ownPrefixes = new ArrayList<>();
        ownPrefixes.add(String.valueOf(map(defaults.get("drop")).get("quarantine-prefix")));
        ownPrefixes.add(String.valueOf(map(defaults.get("drop")).get("lock-prefix")));
        ownPrefixes.add(String.valueOf(map(defaults.get("retention")).get("prefix")));
        assertThat(TemplatePolicies.strings(deny.get("Resource"))).containsExactlyInAnyOrderElementsOf(
                ownPrefixes.stream().map(p -> BUCKET_ARN + "/" + p + "*").toList());
        // Conditional: with the parameter empty, nothing is granted.
        Resolver without = new Resolver(Resolver.symbolic().ref(), Resolver.symbolic().attribute(), c -> false);
        assertThat(String.valueOf(TemplatePolicies.resolve(TEMPLATE.properties("DropBucketPolicy"), without)))
                .doesNotContain("WebCruiter");
        assertThat(TEMPLATE.resource("PostingQueuePolicy")).containsEntry("Condition", "HasWebCruiterPrincipal");
        Map<String, Object> queuePolicy = map(TemplatePolicies.resolve(TEMPLATE.properties("PostingQueuePolicy"),
                Resolver.symbolic()));
        assertThat(String.valueOf(queuePolicy)).contains("sqs:SendMessage").contains("${PostingQueue.Arn}")
                .doesNotContain("sqs:ReceiveMessage");
    }

    @Test
    void theIntegrationsOwnPrefixesInTheRolesAreApplicationDefaults() {
        Map<String, Object> defaults = applicationDefaults();
        String quarantine = String.valueOf(map(defaults.get("drop")).get("quarantine-prefix"));
        String locks = String.valueOf(map(defaults.get("drop")).get("lock-prefix"));
        String retention = String.valueOf(map(defaults.get("retention")).get("prefix"));
        assertThat(actionsOn(TEMPLATE, "CreateCaseRole", "/" + locks + "*")).contains("s3:PutObject");
        assertThat(actionsOn(TEMPLATE, "CreateCaseRole", "/" + quarantine + "messages/createCase/*"))
                .containsExactly("s3:PutObject");
        assertThat(actionsOn(TEMPLATE, "RetentionSweepRole", "/" + retention + "*")).containsExactly("s3:PutObject");
        assertThat(actionsOn(TEMPLATE, "RedriveRole", "/" + quarantine + "*"))
                .containsExactlyInAnyOrder("s3:GetObject", "s3:DeleteObject");
    }

    @Test
    void theArchiveUrlMustBeHttps_andHasNoDefault() {
        Map<String, Object> parameter = TEMPLATE.parameter("ArchiveUrl");
        assertThat(parameter).doesNotContainKey("Default");
        assertThat(String.valueOf(parameter.get("AllowedPattern"))).startsWith("https://");
    }

    @Test
    void everyQueueEventSourceIsCappedByMaximumConcurrency() {
        int sources = 0;
        for (String id : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            for (Object event : map(TEMPLATE.properties(id).get("Events")).values()) {
                if ("SQS".equals(map(event).get("Type"))) {
                    sources++;
                    assertThat(map(map(map(map(event).get("Properties")).get("ScalingConfig")).get("MaximumConcurrency")))
                            .as(id).containsEntry("Ref", "MaximumConcurrency");
                }
            }
        }
        assertThat(sources).isEqualTo(5);
    }

    @Test
    void vpcIsOptional_andAppliesToEveryFunction() {
        for (String id : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            List<Object> vpc = list(map(TEMPLATE.properties(id).get("VpcConfig")).get("Fn::If"));
            assertThat(vpc).as(id).hasSize(3);
            assertThat(vpc.get(0)).isEqualTo("InVpc");
            assertThat(vpc.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
        }
        assertThat(TEMPLATE.parameter("SubnetIds")).containsEntry("Default", "");
    }

    /** webcruiter-esa.* from application.yml, the functions' defaults. */
    private static Map<String, Object> applicationDefaults() {
        try (InputStream in = TemplateSecurityTest.class.getResourceAsStream("/application.yml")) {
            return map(map(new Yaml().load(in)).get("webcruiter-esa"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
