package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import no.webcruiteresa.localstack.TemplatePolicies.Resolver;
import no.webcruiteresa.localstack.TemplatePolicies.Statement;
import no.webcruiteresa.simulator.ArchiveContents;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The IAM-enforced tier: every function runs as an IAM user holding exactly its role's statements from
 * template.yaml (resolved against moto's account), on moto with IAM enforced from the first request
 * ({@code scripts/moto_iam_server.py}), through the end-to-end scenario, a stale lock takeover, a lock released
 * while createCase found it held, unreadable messages, a drop that breaks the contract, a failed message's
 * backoff with a late PDF (quarantine, release), a redrive and a retention sweep over versions. The tier fails on
 * any behaviour that goes wrong and on any request moto denied. With {@code -Diam.removals=true} it also runs
 * once per action of every role with that action removed, and reports which removals it catches
 * (docs/permissions.md). Skipped without moto.
 */
class IamEnforcedMotoIT {
    private static final Logger LOG = Logger.getLogger(IamEnforcedMotoIT.class.getName());
    private static final String BUCKET = "webcruiter-drop-iam";
    private static final String REGION = Pipeline.REGION;
    private static final Duration IDLE = Duration.ofSeconds(90);

    private static MotoIamServer moto;
    private static ArchiveSimulator archive;
    private static Pipeline pipeline;
    private static FunctionCredentials credentials;
    private static final Map<String, List<Statement>> POLICIES = new LinkedHashMap<>();
    private static final Map<String, AwsBasicCredentials> KEYS = new LinkedHashMap<>();
    private static int nextCase = 243000;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoIamServer.startIfInstalled();
        assumeTrue(moto != null, "moto_server is not on the PATH");
        SamTemplate template = SamTemplate.fromClasspath();
        Resolver resolver = motoResolver(template);
        credentials = FunctionCredentials.install();
        for (Topology.FunctionSpec spec : Topology.from(template).functions()) {
            String role = SamTemplate.referencedId(template.properties(spec.logicalId()).get("Role"));
            POLICIES.put(spec.definition(), TemplatePolicies.statements(template, role, resolver));
            grant(spec.definition(), POLICIES.get(spec.definition()));
        }
        // Short waits, so a stale lock and a missing PDF are seen within seconds.
        System.setProperty("webcruiter-esa.drop.stale-lock-after", "8s");
        System.setProperty("webcruiter-esa.drop.incomplete-deadline", "6s");
        archive = ArchiveSimulator.start(0, null);
        pipeline = startPipeline();
        // As the template's bucket: versioned.
        pipeline.s3().putBucketVersioning(r -> r.bucket(BUCKET).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED)));
        moto.takeDenials();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (archive != null) {
            archive.close();
        }
        if (credentials != null) {
            credentials.uninstall();
        }
        Pipeline.systemProperties().forEach(System::clearProperty);
        System.clearProperty("webcruiter-esa.drop.stale-lock-after");
        System.clearProperty("webcruiter-esa.drop.incomplete-deadline");
        if (moto != null) {
            moto.close();
        }
    }

    private static Pipeline startPipeline() {
        return Pipeline.start(new Pipeline.Settings(moto.endpoint(), moto.endpoint(), BUCKET, archive.root(), 60,
                true, true, null));
    }

    /** The template's names as this moto and pipeline have them; every condition off (no secret, no VPC). */
    private static Resolver motoResolver(SamTemplate template) {
        Map<String, Object> refs = Map.of("AWS::Partition", "aws", "AWS::Region", REGION,
                "AWS::AccountId", MotoIamServer.ACCOUNT, "DropBucket", BUCKET);
        Function<String, Object> ref = name -> refs.containsKey(name) ? refs.get(name)
                // A topic's Ref is its ARN (the routing's CaseNoticeTopic).
                : template.resourcesOfType("AWS::SNS::Topic").contains(name)
                ? "arn:aws:sns:" + REGION + ":" + MotoIamServer.ACCOUNT + ":" + name
                : String.valueOf(template.parameterDefault(name));
        Function<String, Object> attribute = name -> {
            String id = name.substring(0, name.indexOf('.'));
            String type = String.valueOf(template.resource(id).get("Type"));
            return switch (type) {
                case "AWS::SQS::Queue" -> "arn:aws:sqs:" + REGION + ":" + MotoIamServer.ACCOUNT + ":" + id;
                case "AWS::KMS::Key" -> "arn:aws:kms:" + REGION + ":" + MotoIamServer.ACCOUNT + ":key/" + id;
                case "AWS::Logs::LogGroup" -> "arn:aws:logs:" + REGION + ":" + MotoIamServer.ACCOUNT
                        + ":log-group:/aws/lambda/" + id + ":*";
                default -> throw new IllegalArgumentException("no ARN for " + name);
            };
        };
        return new Resolver(ref, attribute, condition -> false);
    }

    private static void grant(String definition, List<Statement> statements) {
        AwsBasicCredentials key = moto.user(definition, TemplatePolicies.policyJson(statements));
        KEYS.put(definition, key);
        credentials.give(definition, key);
    }

    @Test
    void everyFunctionWorksWithExactlyItsTemplateRole() throws Exception {
        List<String> problems = runTier();

        assertThat(problems).as("the tier under the template's roles").isEmpty();
    }

    /**
     * Removes each S3 and SQS action of each role in turn and runs the tier: a removal it does not catch is a
     * permission the tier cannot prove. Not in CI (about a minute per removal); the result is in
     * docs/permissions.md.
     */
    @Test
    void everyRemovedPermissionFailsTheTier() throws Exception {
        assumeTrue(Boolean.getBoolean("iam.removals"), "run with -Diam.removals=true");
        String only = System.getProperty("iam.removals.function", "");
        String onlyAction = System.getProperty("iam.removals.action", "");
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, List<Statement>> function : POLICIES.entrySet()) {
            if (!only.isBlank() && !only.equals(function.getKey())) {
                continue;
            }
            for (String action : function.getValue().stream().flatMap(s -> s.actions().stream()).distinct()
                    .filter(a -> a.startsWith("s3:") || a.startsWith("sqs:"))
                    .filter(a -> onlyAction.isBlank() || List.of(onlyAction.split(",")).contains(a)).toList()) {
                if (action.equals("sqs:GetQueueUrl") || action.equals("s3:GetBucketVersioning")) {
                    // An instance keeps the queue URL and the bucket's versioning it asked for once: only a cold one
                    // asks again, as on Lambda.
                    pipeline.close();
                    pipeline = startPipeline();
                }
                grant(function.getKey(), without(function.getValue(), action));
                List<String> problems = runTier();
                grant(function.getKey(), function.getValue());
                settle();
                String line = function.getKey() + " without " + action + ": "
                        + (problems.isEmpty() ? "NOT CAUGHT" : "caught (" + problems.get(0) + ")");
                LOG.info(line);
                report.add(line);
            }
        }
        report.forEach(System.out::println);
        assertThat(report).as("removals the tier did not catch, beyond the known ones").noneMatch(line ->
                line.contains("NOT CAUGHT") && KNOWN_GAPS.stream().noneMatch(gap -> line.startsWith(gap + ":")));
    }

    /** Removals no run can catch (docs/permissions.md): none. */
    private static final List<String> KNOWN_GAPS = List.of();

    private static List<Statement> without(List<Statement> statements, String action) {
        return statements.stream().map(s -> new Statement(s.sid(), s.effect(),
                s.actions().stream().filter(a -> !a.equals(action)).toList(), s.resources()))
                .filter(s -> !s.actions().isEmpty()).toList();
    }

    /** After a run with a permission missing: drop what it left in the queues, so the next run starts clean. */
    private static void settle() throws InterruptedException {
        for (Topology.QueueSpec queue : pipeline.topology().queues()) {
            pipeline.sqs().purgeQueue(r -> r.queueUrl(pipeline.queueUrl(queue.logicalId())));
        }
        pipeline.awaitIdle(Duration.ofSeconds(30));
        moto.takeDenials();
    }

    /** One run of every step; what went wrong, or nothing. */
    private static List<String> runTier() throws InterruptedException {
        moto.takeDenials();
        List<String> problems = new ArrayList<>();
        int base = nextCase;
        nextCase += 10;
        // In order: the redrive releases the bad drop. The first problem ends the run (the rest would wait on it).
        List<Map.Entry<String, Step>> steps = List.of(
                Map.entry("end-to-end", () -> endToEnd(String.valueOf(base))),
                Map.entry("close case", () -> closeCase(String.valueOf(base))),
                Map.entry("file on hire", () -> fileOnHire(String.valueOf(base))),
                Map.entry("applicant lists", () -> checkApplicantLists(String.valueOf(base))),
                Map.entry("stale lock", () -> staleLockTakeover(String.valueOf(base + 1))),
                Map.entry("lock released meanwhile", () -> lockReleasedMeanwhile(String.valueOf(base + 7))),
                Map.entry("unreadable messages", IamEnforcedMotoIT::unreadableMessages),
                Map.entry("bad drop", () -> badDrop(String.valueOf(base + 2))),
                Map.entry("backoff and late PDF", () -> backoffAndLatePdf(String.valueOf(base + 3))),
                Map.entry("removal backoff", () -> removalBackoff(String.valueOf(base + 6))),
                Map.entry("redrive", () -> redrive(String.valueOf(base + 2), String.valueOf(base + 4))),
                Map.entry("retention sweep", () -> retentionSweep(String.valueOf(base + 5))),
                Map.entry("event source mapping", IamEnforcedMotoIT::eventSourceMapping),
                Map.entry("no request denied", IamEnforcedMotoIT::assertNoDenials),
                Map.entry("enforcement", IamEnforcedMotoIT::enforcementIsOn));
        for (Map.Entry<String, Step> step : steps) {
            step(problems, step.getKey(), step.getValue());
            if (!problems.isEmpty()) {
                break;
            }
        }
        return problems;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(List<String> problems, String name, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            problems.add(name + ": " + String.valueOf(e.getMessage()).lines().limit(3).reduce("", (a, b) -> a + " " + b).trim());
        }
    }

    /** Waits for the queues to drain; a denied request fails at once (a function would only retry it). */
    private static void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + IDLE.toNanos();
        while (System.nanoTime() < deadline) {
            assertNoDenials();
            if (pipeline.awaitIdle(Duration.ofSeconds(2))) {
                assertNoDenials();
                return;
            }
        }
        throw new AssertionError("queues not drained within " + IDLE);
    }

    private static void assertNoDenials() {
        List<String> denials = moto.takeDenials();
        if (!denials.isEmpty()) {
            throw new AssertionError("denied: " + denials);
        }
    }

    private static ArchiveContents.Case archivedCase(String caseNumber) {
        List<ArchiveContents.Case> cases = archive.contents().cases().stream()
                .filter(c -> c.description().equals("WEBCRUITER " + caseNumber)).toList();
        assertThat(cases).as("one case for posting " + caseNumber).hasSize(1);
        return cases.get(0);
    }

    private static long entries(ArchiveContents.Case archived) {
        return archive.contents().entries().stream().filter(e -> e.caseSystemId().equals(archived.systemId())).count();
    }

    private static List<String> keys(String prefix) {
        return pipeline.s3().listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    /** createCase, archiveDocument (locks, PDFs, the archived notice), removeXmlAttachment. */
    private static void endToEnd(String caseNumber) throws InterruptedException {
        DemoDrops demo = new DemoDrops(caseNumber, LocalDate.of(2026, 3, 2));
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase")).messageBody(demo.postingPublishedMessage()));
        DemoDrops.upload(pipeline.s3(), BUCKET, demo.drops());
        awaitIdle();
        assertThat(entries(archivedCase(caseNumber))).as("one entry per document").isEqualTo(demo.drops().size());
        assertThat(keys(caseNumber + "/")).as("every XML and PDF removed").isEmpty();
        assertThat(keys("locks/")).as("no lock left").noneMatch(k -> k.contains(caseNumber));
        assertThat(pipeline.deadLettered()).as("nothing dead-lettered").isZero();
    }

    /**
     * fileOnHire (HireQueue, creation locks, the archive) files the hired applicant's application of the posting
     * archived end to end into a personnel file.
     */
    private static void fileOnHire(String caseNumber) throws InterruptedException {
        String employee = "E-" + caseNumber;
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("fileOnHire")).messageBody(
                "{\"caseNumber\":\"" + caseNumber + "\",\"applicantId\":\"A-1001\",\"employeeId\":\"" + employee
                        + "\",\"applicationDocumentId\":\"WC201-" + caseNumber + "-1001\"}"));
        awaitIdle();
        assertThat(archive.contents().cases()).as("the personnel file")
                .anyMatch(c -> c.description().equals("WEBCRUITER PERSONALMAPPE " + employee));
        assertThat(pipeline.deadLettered()).as("nothing dead-lettered").isZero();
    }

    /** checkApplicantLists lists the versioned bucket, reads drop XMLs by version and writes its ledger. */
    private static void checkApplicantLists(String caseNumber) {
        Map<String, Object> report = FunctionCredentials.as("checkApplicantLists",
                () -> pipeline.invokeScheduled("checkApplicantLists"));
        assertThat(((Number) report.get("withPublicList")).intValue()).as("postings with their public list")
                .isGreaterThanOrEqualTo(1);
        assertThat(keys("hiring/")).as("the ledger").isNotEmpty();
    }

    /**
     * A posting whose case lock a crashed worker holds fails and is postponed (GetQueueUrl,
     * ChangeMessageVisibility) until the lock is stale; then createCase takes it over (HEAD, conditional delete,
     * conditional put) and makes the case.
     */
    private static void staleLockTakeover(String caseNumber) throws InterruptedException {
        pipeline.s3().putObject(r -> r.bucket(BUCKET).key("locks/case/" + caseNumber), RequestBody.fromString("crashed"));
        long failedBefore = pipeline.failedRecords();
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                .messageBody(new DemoDrops(caseNumber, LocalDate.of(2026, 3, 2)).postingPublishedMessage()));
        awaitFailure(failedBefore);
        awaitIdle();
        archivedCase(caseNumber);
        assertThat(keys("locks/case/" + caseNumber)).as("the lock released after the case was made").isEmpty();
    }

    /**
     * The race that needs createCase's s3:ListBucket: another worker holds the case lock and releases it just
     * after createCase's conditional put was refused (moto deletes it right after that 412, on demand). createCase's
     * HEAD of the lock then answers 404, so it takes the lock at once and makes the case without a retry; without
     * s3:ListBucket that HEAD answers 403 (a denial) and the message fails.
     */
    private static void lockReleasedMeanwhile(String caseNumber) throws InterruptedException {
        String lock = "locks/case/" + caseNumber;
        pipeline.s3().putObject(r -> r.bucket(BUCKET).key(lock), RequestBody.fromString("another worker"));
        moto.releaseAfterRefusal(BUCKET, lock);
        long failedBefore = pipeline.failedRecords();
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                .messageBody(new DemoDrops(caseNumber, LocalDate.of(2026, 3, 2)).postingPublishedMessage()));
        awaitIdle();
        assertThat(moto.takeReleased()).as("the lock released after createCase's refused put")
                .containsExactly(BUCKET + "/" + lock);
        archivedCase(caseNumber);
        assertThat(pipeline.failedRecords()).as("the lock taken at once, no retry").isEqualTo(failedBefore);
        assertThat(keys(lock)).as("the lock released after the case was made").isEmpty();
    }

    /**
     * removeXmlAttachment fails on a notice for an XML that is not where its drop belongs and postpones it; once
     * the XML is gone, the next delivery finds nothing to remove (NoSuchKey, which needs s3:ListBucket).
     */
    private static void removalBackoff(String caseNumber) throws InterruptedException {
        DemoDrops.Drop drop = new DemoDrops(caseNumber, LocalDate.of(2026, 3, 2)).drops().get(0);
        String misplaced = "quarantine/" + drop.xmlKey(); // archiveDocument ignores quarantined keys
        pipeline.s3().putObject(r -> r.bucket(BUCKET).key(misplaced),
                RequestBody.fromBytes(new no.webcruiteresa.adapter.drop.DropWriter().write(drop.document())));
        long failedBefore = pipeline.failedRecords();
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("removeXmlAttachment")).messageBody(
                "{\"xmlKey\":\"" + misplaced + "\",\"documentId\":\"" + drop.document().documentId() + "\"}"));
        awaitFailure(failedBefore);
        pipeline.s3().deleteObject(r -> r.bucket(BUCKET).key(misplaced));
        awaitIdle();
    }

    private static void awaitFailure(long failedBefore) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pipeline.failedRecords() <= failedBefore && System.nanoTime() < deadline) {
            assertNoDenials();
            Thread.sleep(200);
        }
        assertThat(pipeline.failedRecords()).as("a failed message").isGreaterThan(failedBefore);
    }

    /** createCase and removeXmlAttachment park an unreadable message under their own quarantine prefix. */
    private static void unreadableMessages() throws InterruptedException {
        String posting = pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                .messageBody("not json")).messageId();
        String archived = pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("removeXmlAttachment"))
                .messageBody("{\"xmlKey\": 1")).messageId();
        String closed = pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("closeCase"))
                .messageBody("{\"caseNumber\": \"1\"}")).messageId();
        awaitIdle();
        assertThat(keys("quarantine/messages/closeCase/")).anyMatch(k -> k.contains(closed));
        assertThat(keys("quarantine/messages/createCase/")).anyMatch(k -> k.contains(posting));
        assertThat(keys("quarantine/messages/removeXmlAttachment/")).anyMatch(k -> k.contains(archived));
    }

    /** archiveDocument moves a drop that breaks the contract to quarantine: copy, report, delete the original. */
    private static void badDrop(String caseNumber) throws InterruptedException {
        String key = caseNumber + "/WC201-" + caseNumber + "-1/WC201-" + caseNumber + "-1.xml";
        pipeline.s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("<not xml"));
        awaitIdle();
        assertThat(keys(caseNumber + "/")).as("the original moved").isEmpty();
        assertThat(keys("quarantine/" + caseNumber + "/")).contains("quarantine/" + key, "quarantine/" + key + ".report.json");
    }

    /**
     * A drop whose PDF has not arrived fails and is postponed (GetQueueUrl, ChangeMessageVisibility), then is
     * quarantined for the missing PDF; the PDF's arrival releases it (copy back, delete from quarantine) and it is
     * archived and removed.
     */
    private static void backoffAndLatePdf(String caseNumber) throws InterruptedException {
        DemoDrops.Drop drop = new DemoDrops(caseNumber, LocalDate.of(2026, 3, 2)).drops().get(0);
        long failedBefore = pipeline.failedRecords();
        DemoDrops.Drop withoutFiles = new DemoDrops.Drop(drop.document(), Map.of());
        DemoDrops.upload(pipeline.s3(), BUCKET, List.of(withoutFiles));
        // closeCase lists the posting's drop and quarantine prefixes, waits (postponed) while the drop is there.
        sendPostingClosed(caseNumber);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (keys("quarantine/" + drop.xmlKey() + ".report.json").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(pipeline.failedRecords()).as("the incomplete drop failed first").isGreaterThan(failedBefore);
        assertThat(keys("quarantine/" + drop.xmlKey())).as("quarantined for the missing PDF").isNotEmpty();
        drop.files().forEach((name, content) -> pipeline.s3().putObject(r -> r.bucket(BUCKET)
                .key(no.webcruiteresa.application.DropKeys.fileKey(drop.xmlKey(), name)), RequestBody.fromBytes(content)));
        awaitIdle();
        assertThat(entries(archivedCase(caseNumber))).as("archived after its PDF came").isEqualTo(1);
        assertThat(keys(caseNumber + "/")).as("removed").isEmpty();
        assertThat(keys("quarantine/" + caseNumber + "/")).as("released from quarantine").isEmpty();
        assertThat(caseStatus(caseNumber)).as("finished once its document was archived").isEqualTo("A");
    }

    /** closeCase on a posting whose documents are all archived and removed: finishes the case at once. */
    private static void closeCase(String caseNumber) throws Exception {
        sendPostingClosed(caseNumber);
        awaitIdle();
        assertThat(caseStatus(caseNumber)).as("saksstatus").isEqualTo("A");
    }

    private static void sendPostingClosed(String caseNumber) {
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("closeCase")).messageBody(
                "{\"type\":\"PostingClosed\",\"caseNumber\":\"" + caseNumber
                        + "\",\"closedAt\":\"2026-04-01T12:00:00+02:00\"}"));
    }

    private static String caseStatus(String caseNumber) {
        try {
            return RoutingEndToEndTest.saksmappe(archive.root(), caseNumber).path("saksstatus").path("kode").asString();
        } catch (Exception e) {
            throw new AssertionError("could not read case " + caseNumber, e);
        }
    }

    /** redrive releases every quarantined drop and moves a dead letter back to its queue. */
    private static void redrive(String quarantinedCase, String deadLetterCase) throws InterruptedException {
        String deadLetters = pipeline.queueUrl("PostingDeadLetterQueue");
        pipeline.sqs().sendMessage(r -> r.queueUrl(deadLetters)
                .messageBody(new DemoDrops(deadLetterCase, LocalDate.of(2026, 3, 2)).postingPublishedMessage()));
        String request = "{\"drops\":[\"*\"],\"deadLetterQueues\":[\"" + deadLetters + ">"
                + pipeline.queueOf("createCase") + "\"]}";
        Map<String, Object> report = FunctionCredentials.as("redrive", () -> LambdaEvents.asMap(
                pipeline.invoke("redrive", request.getBytes(StandardCharsets.UTF_8))));
        assertThat(report).as("redrive report").containsEntry("messagesMoved", 1);
        assertThat((Integer) report.get("dropsReleased")).isGreaterThanOrEqualTo(1);
        awaitIdle();
        archivedCase(deadLetterCase);
        String key = quarantinedCase + "/WC201-" + quarantinedCase + "-1/WC201-" + quarantinedCase + "-1.xml";
        // Released, announced, still broken: back in quarantine.
        assertThat(keys("quarantine/" + key)).contains("quarantine/" + key + ".report.json");
    }

    /** The sweep lists versions, reads first arrivals and hold tags by version, deletes them, writes its audit. */
    private static void retentionSweep(String caseNumber) {
        String key = caseNumber + "/old/old.xml";
        for (String content : List.of("first", "second")) {
            pipeline.s3().putObject(r -> r.bucket(BUCKET).key(key).metadata(Map.of("first-arrival", "2020-01-01T00:00:00Z")),
                    RequestBody.fromString(content));
        }
        pipeline.s3().deleteObject(r -> r.bucket(BUCKET).key(key));
        Map<String, Object> audit = FunctionCredentials.as("retentionSweep", () -> pipeline.invokeScheduled("retentionSweep"));
        assertThat(audit.get("errors")).as("sweep errors").isEqualTo(List.of());
        assertThat(audit).containsEntry("failed", 0).containsEntry("complete", true);
        assertThat(((Number) audit.get("deleted")).longValue()).as("deleted versions").isGreaterThanOrEqualTo(2);
        assertThat(pipeline.s3().listObjectVersions(r -> r.bucket(BUCKET).prefix(key)).versions())
                .as("every version of expired data deleted").isEmpty();
        assertThat(keys("retention/audit/")).as("audit record").isNotEmpty();
    }

    /** What the event source mapping does with each consumer's role: poll, delete, read the queue's attributes. */
    private static void eventSourceMapping() {
        for (Topology.FunctionSpec consumer : pipeline.topology().functions()) {
            if (!consumer.isQueueConsumer()) {
                continue;
            }
            try (SqsClient sqs = client(consumer.definition())) {
                String url = pipeline.queueUrl(consumer.queueId());
                sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                        software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT));
                sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(0));
                try {
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("not-a-receipt-handle"));
                } catch (SqsException e) {
                    assertThat(e.statusCode()).as(consumer.definition() + " DeleteMessage").isNotEqualTo(403);
                    assertThat(String.valueOf(e.awsErrorDetails().errorCode())).doesNotContain("AccessDenied");
                }
            }
        }
    }

    /** The tier proves something only if a request outside a role is refused. */
    private static void enforcementIsOn() {
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(KEYS.get("createCase")))
                .endpointOverride(moto.endpoint()).forcePathStyle(true).build()) {
            s3.putObject(r -> r.bucket(BUCKET).key("not-a-lock.txt"), RequestBody.fromString("x"));
            throw new AssertionError("createCase could write outside locks/ and its quarantine prefix");
        } catch (S3Exception e) {
            assertThat(e.statusCode()).isEqualTo(403);
        }
        assertThat(moto.takeDenials()).hasSize(1);
    }

    private static SqsClient client(String definition) {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(KEYS.get(definition)))
                .endpointOverride(URI.create(moto.endpoint().toString())).build();
    }
}
