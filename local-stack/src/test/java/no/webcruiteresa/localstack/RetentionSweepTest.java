package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.webcruiteresa.adapter.drop.DropStoreQuarantine;
import no.webcruiteresa.adapter.drop.S3DropStore;
import no.webcruiteresa.application.port.QuarantineReport;
import no.webcruiteresa.application.port.SweepAudit;
import no.webcruiteresa.domain.RetentionCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.Tag;

/** The 12-month deletion on the embedded S3 (S3Mock), with a clock the tests move. */
class RetentionSweepTest {
    private static final String XML = "240117/WC201-240117-1001/WC201-240117-1001.xml";
    private static final String PDF = "240117/WC201-240117-1001/soknad.pdf";
    private static EmbeddedS3 s3;
    private static final S3Calls CALLS = new S3Calls(true);
    private static final FaultyKey FAULT = new FaultyKey();
    private RetentionFixture bucket;

    @BeforeAll
    static void startS3() {
        s3 = EmbeddedS3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    private RetentionFixture bucket(int pageSize) {
        bucket = new RetentionFixture(s3.client(CALLS, FAULT), pageSize);
        CALLS.reset();
        return bucket;
    }

    @AfterEach
    void closeBucket() {
        FAULT.key = null;
        if (bucket != null) {
            bucket.close();
        }
    }

    @Test
    void shouldKeepWhatArrivedTwelveMonthsLessADayAgo_andDeleteWhatArrivedTwelveMonthsAndADayAgo() {
        RetentionFixture drop = bucket(1000);
        Instant arrived = Instant.now();
        drop.put(PDF);

        SweepAudit early = drop.sweepAt(monthsLater(arrived, 12).minus(1, ChronoUnit.DAYS));
        assertThat(drop.dataKeys()).containsExactly(PDF);
        assertThat(early.kept()).isEqualTo(1);
        assertThat(early.deleted()).isZero();

        SweepAudit late = drop.sweepAt(monthsLater(arrived, 12).plus(1, ChronoUnit.DAYS));
        assertThat(drop.dataKeys()).isEmpty();
        assertThat(late.deleted()).isEqualTo(1);
        assertThat(late.categories().get(RetentionCategory.DROP).deletedBytes()).isPositive();
        assertThat(late.complete()).isTrue();
    }

    @Test
    void shouldCountFromTheFirstArrival_whenAQuarantineOrARedriveCopiedTheObject() {
        RetentionFixture drop = bucket(1000);
        S3DropStore store = new S3DropStore(drop.s3, drop.bucket);
        DropStoreQuarantine quarantine = new DropStoreQuarantine(store, "quarantine/");
        // A drop that first arrived eleven months ago and was redriven since (its LastModified is today).
        Instant firstArrival = Instant.now().minus(335, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        drop.put(PDF, Map.of("first-arrival", firstArrival.toString()));
        drop.put(XML, Map.of("first-arrival", firstArrival.toString()));
        Instant now = Instant.now();

        quarantine.quarantineDrop(XML, List.of(PDF), new QuarantineReport(XML, "files.file", "broken", now, now, 3, List.of()));

        assertThat(drop.dataKeys()).containsExactlyInAnyOrder("quarantine/" + PDF, "quarantine/" + XML,
                "quarantine/" + XML + ".report.json");
        for (String key : drop.dataKeys()) {
            assertThat(drop.metadata(key)).as(key).containsEntry("first-arrival", firstArrival.toString());
        }
        assertThat(quarantine.report(XML).orElseThrow().firstSeen()).isEqualTo(firstArrival);

        drop.sweepAt(monthsLater(firstArrival, 12).minus(1, ChronoUnit.DAYS));
        assertThat(drop.dataKeys()).hasSize(3);

        SweepAudit audit = drop.sweepAt(monthsLater(firstArrival, 12).plus(1, ChronoUnit.DAYS));
        assertThat(drop.dataKeys()).isEmpty();
        assertThat(audit.categories().get(RetentionCategory.QUARANTINED_FILE).deleted()).isEqualTo(2);
        assertThat(audit.categories().get(RetentionCategory.QUARANTINE_REPORT).deleted()).isEqualTo(1);
    }

    @Test
    void shouldDeleteAParkedMessage_twelveMonthsAfterItWasSent() {
        RetentionFixture drop = bucket(1000);
        DropStoreQuarantine quarantine = new DropStoreQuarantine(new S3DropStore(drop.s3, drop.bucket), "quarantine/");
        Instant sent = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        quarantine.quarantineMessage("createCase", "9d6f8a53", "{\"caseNumber\":\"240117\",\"name\":\"Åse\"}",
                new QuarantineReport("message 9d6f8a53", "body", "not JSON", sent, Instant.now(), 1, List.of()));

        drop.sweepAt(monthsLater(sent, 12).minus(1, ChronoUnit.DAYS));
        assertThat(drop.dataKeys()).containsExactlyInAnyOrder("quarantine/messages/createCase/9d6f8a53.report.json",
                "quarantine/messages/createCase/9d6f8a53.body");

        SweepAudit audit = drop.sweepAt(monthsLater(sent, 12).plus(1, ChronoUnit.DAYS));
        assertThat(drop.dataKeys()).isEmpty();
        assertThat(audit.categories().get(RetentionCategory.PARKED_MESSAGE).deleted()).isEqualTo(2);
    }

    @Test
    void shouldStampTheFirstArrivalOnTheFirstCopy_andKeepItThroughARelease() {
        RetentionFixture drop = bucket(1000);
        S3DropStore store = new S3DropStore(drop.s3, drop.bucket);
        DropStoreQuarantine quarantine = new DropStoreQuarantine(store, "quarantine/");
        drop.put(PDF);
        drop.put(XML);
        Instant lastModified = drop.s3.headObject(r -> r.bucket(drop.bucket).key(XML)).lastModified();

        quarantine.quarantineDrop(XML, List.of(PDF), new QuarantineReport(XML, "f", "r", null, Instant.now(), 1, List.of()));
        quarantine.release(XML);

        assertThat(drop.dataKeys()).containsExactlyInAnyOrder(PDF, XML);
        assertThat(drop.metadata(XML)).containsEntry("first-arrival", lastModified.toString());
        assertThat(store.describe(XML).orElseThrow().firstArrival()).isEqualTo(lastModified);
    }

    @Test
    void shouldKeepAndReportHeldObjects_byTagOrByTheCaseHoldList() {
        RetentionFixture drop = bucket(1000);
        Instant arrived = Instant.now();
        drop.put("240117/WC201-240117-1001/tagged.pdf");
        drop.s3.putObjectTagging(r -> r.bucket(drop.bucket).key("240117/WC201-240117-1001/tagged.pdf")
                .tagging(t -> t.tagSet(Tag.builder().key("legal-hold").value("true").build())));
        drop.put("240200/WC201-240200-1001/appeal.pdf");
        drop.put("quarantine/240200/WC201-240200-1002/appeal.xml");
        drop.put(PDF);
        drop.s3.putObject(r -> r.bucket(drop.bucket).key(drop.journal.holdListKey()),
                RequestBody.fromString("# appeal to the county governor\n240200\n"));

        SweepAudit audit = drop.sweepAt(monthsLater(arrived, 13));

        assertThat(drop.dataKeys()).containsExactlyInAnyOrder("240117/WC201-240117-1001/tagged.pdf",
                "240200/WC201-240200-1001/appeal.pdf", "quarantine/240200/WC201-240200-1002/appeal.xml");
        assertThat(audit.held()).isEqualTo(3);
        assertThat(audit.deleted()).isEqualTo(1);
        assertThat(audit.heldItems()).extracting(SweepAudit.Item::reason)
                .containsExactlyInAnyOrder("OBJECT_TAG", "CASE_ON_HOLD_LIST", "CASE_ON_HOLD_LIST");
        assertThat(audit.heldItems()).extracting(SweepAudit.Item::keySha256)
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    }

    @Test
    void shouldDeleteNothing_inADryRun_andReportWhatItWouldDelete() {
        RetentionFixture drop = bucket(1000);
        Instant arrived = Instant.now();
        for (int i = 0; i < 5; i++) {
            drop.put("240117/WC201-240117-100" + i + "/soknad.pdf");
        }

        SweepAudit audit = drop.sweepAt(monthsLater(arrived, 13), true, () -> false);

        assertThat(drop.dataKeys()).hasSize(5);
        assertThat(audit.dryRun()).isTrue();
        assertThat(audit.deleted()).isEqualTo(5);
        assertThat(CALLS.count("DeleteObjects") + CALLS.count("DeleteObject")).isZero();
        assertThat(drop.keys()).noneMatch(k -> k.equals(drop.journal.checkpointKey()));
    }

    @Test
    void shouldResumeAnInterruptedSweepFromItsCheckpoint_andDeleteEachObjectOnce() {
        RetentionFixture drop = bucket(10);
        Instant arrived = Instant.now();
        for (int i = 0; i < 35; i++) {
            drop.put(String.format("2401%02d/WC201-2401%02d-1001/soknad.pdf", i, i));
        }
        AtomicInteger pages = new AtomicInteger();

        SweepAudit first = drop.sweepAt(monthsLater(arrived, 13), false, () -> pages.incrementAndGet() > 2);

        assertThat(first.complete()).isFalse();
        assertThat(first.deleted()).isEqualTo(20);
        assertThat(drop.dataKeys()).hasSize(15);
        assertThat(drop.keys()).contains(drop.journal.checkpointKey());

        SweepAudit second = drop.sweepAt(monthsLater(arrived, 13).plusSeconds(60));

        assertThat(second.resumed()).isTrue();
        assertThat(second.complete()).isTrue();
        assertThat(second.deleted()).isEqualTo(15);
        assertThat(drop.dataKeys()).isEmpty();
        assertThat(drop.keys()).doesNotContain(drop.journal.checkpointKey());
        assertThat(CALLS.deletedKeys()).hasSize(35);
        assertThat(new HashSet<>(CALLS.deletedKeys())).hasSize(35);
    }

    @Test
    void shouldGoOnPastAnObjectThatFails_reportIt_andDeleteItNextRun() {
        RetentionFixture drop = bucket(1000);
        Instant arrived = Instant.now();
        drop.put(PDF);
        drop.put(XML);
        FAULT.key = PDF;

        SweepAudit faulty = drop.sweepAt(monthsLater(arrived, 13));

        assertThat(drop.dataKeys()).containsExactly(PDF);
        assertThat(faulty.failed()).isEqualTo(1);
        assertThat(faulty.deleted()).isEqualTo(1);
        assertThat(faulty.complete()).isTrue();
        assertThat(faulty.errors()).singleElement().satisfies(error -> {
            assertThat(error.keySha256()).matches("[0-9a-f]{64}");
            assertThat(error.reason()).doesNotContain("soknad");
        });

        FAULT.key = null;
        drop.sweepAt(monthsLater(arrived, 13).plusSeconds(60));
        assertThat(drop.dataKeys()).isEmpty();
    }

    @Test
    void shouldWriteAnAuditRecordOfEveryRunWithoutAnyKey_andNeverDeleteItsOwnRecordsOrTheLocks() {
        RetentionFixture drop = bucket(1000);
        Instant arrived = Instant.now();
        drop.put(PDF);
        drop.put("locks/case/240117");

        drop.sweepAt(monthsLater(arrived, 13), true, () -> false);
        drop.sweepAt(monthsLater(arrived, 13));
        drop.sweepAt(monthsLater(arrived, 40));

        List<String> audits = drop.keys().stream().filter(k -> k.startsWith(drop.journal.auditPrefix())).toList();
        assertThat(audits).hasSize(3);
        assertThat(drop.dataKeys()).containsExactly("locks/case/240117");
        for (String key : audits) {
            String record = drop.s3.getObjectAsBytes(r -> r.bucket(drop.bucket).key(key)).asString(StandardCharsets.UTF_8);
            assertThat(record).contains("\"period\"", "\"cutoff\"", "\"startedAt\"", "\"endedAt\"", "\"categories\"")
                    .doesNotContain("240117", "soknad");
        }
    }

    private static Instant monthsLater(Instant from, int months) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** Makes every hold-tag lookup of one key fail, as a throttled or refused request would. */
    private static final class FaultyKey implements ExecutionInterceptor {
        volatile String key;

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (key != null && context.request() instanceof GetObjectTaggingRequest tagging && key.equals(tagging.key())) {
                throw SdkClientException.create("injected fault");
            }
        }
    }
}
