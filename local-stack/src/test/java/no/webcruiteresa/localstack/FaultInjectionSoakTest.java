package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.webcruiteresa.adapter.drop.DropWriter;
import no.webcruiteresa.application.DropKeys;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.simulator.ArchiveContents;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The central promise under production conditions: hundreds of documents across many postings, delivered with
 * duplicates and out of order, while the archive fails, stalls and loses answers and the functions crash at
 * random steps. When the queues drain, every valid document is archived exactly once and every poison drop
 * is in quarantine. Run longer with -Dsoak.documents=3000 -Dsoak.seed=… -Dsoak.faultRate=… -Dsoak.crashRate=….
 *
 * <p>Every figure is counted from what happened (the simulator counts the faults it injected and the requests it saw,
 * the crash injector the crashes it threw, the sender the drops it saw incomplete in the bucket), and the outcome does
 * not depend on the machine's speed: the functions' clock is held while the test sends, so no deadline runs out
 * because the sender was slow ({@code -Dsoak.senderPauseMillis=…} slows it on purpose). Fault and crash decisions
 * are drawn per request from the seed, so a seed reproduces them; what thread runs which message when is not.
 */
class FaultInjectionSoakTest {
    private static final long SEED = Long.getLong("soak.seed", 20261124L);
    private static final int POSTINGS = Integer.getInteger("soak.postings", 10);
    private static final int DOCUMENTS = Integer.getInteger("soak.documents", 300);
    private static final double FAULT_RATE = Double.parseDouble(System.getProperty("soak.faultRate", "0.2"));
    private static final double CRASH_RATE = Double.parseDouble(System.getProperty("soak.crashRate", "0.03"));
    private static final double DUPLICATE_RATE = Double.parseDouble(System.getProperty("soak.duplicateRate", "0.15"));
    private static final int CONCURRENCY = Integer.getInteger("soak.concurrency", 4);
    private static final double OUT_OF_ORDER_RATE = Double.parseDouble(System.getProperty("soak.outOfOrderRate", "0.15"));
    /** Pauses the sender after each drop, as a busy machine does (the outcome must not change). */
    private static final long SENDER_PAUSE_MILLIS = Long.getLong("soak.senderPauseMillis", 0);
    /** PDFs sent late follow after the sender has put this many more drops. */
    private static final int LATE_BY_DROPS = 5;
    /** The archive behaves as the reference server was seen to (strict) unless -Dsoak.archiveProfile=standard. */
    private static final ServerProfile ARCHIVE_PROFILE =
            ServerProfile.named(System.getProperty("soak.archiveProfile", "strict"));

    /** noark5-rest, or fiks-arkiv to soak the Fiks Arkiv door (-Dsoak.archiveProtocol=fiks-arkiv). */
    private static final String ARCHIVE_PROTOCOL = System.getProperty("soak.archiveProtocol", "noark5-rest");

    private static EmbeddedStack stack;
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        System.setProperty("webcruiter-esa.drop.incomplete-deadline", "20s");
        System.setProperty("webcruiter-esa.archive.request-timeout", "1s");
        System.setProperty("webcruiter-esa.archive.protocol", ARCHIVE_PROTOCOL);
        System.setProperty("webcruiter-esa.fiks-arkiv.reply-timeout", "1s");
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withConcurrency(CONCURRENCY)
                .withArchiveProfile(ARCHIVE_PROFILE));
        pipeline = stack.pipeline();
    }

    @AfterAll
    static void stop() {
        CrashInjection.disable();
        HeldClock.release();
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
        System.clearProperty("webcruiter-esa.archive.request-timeout");
        System.clearProperty("webcruiter-esa.archive.protocol");
        System.clearProperty("webcruiter-esa.fiks-arkiv.reply-timeout");
    }

    @Test
    void everyValidDocumentIsArchivedExactlyOnce_andEveryPoisonDropIsQuarantined() throws Exception {
        Random random = new Random(SEED);
        List<Posting> postings = SoakDrops.postings(POSTINGS);
        List<DemoDrops.Drop> valid = SoakDrops.drops(postings, DOCUMENTS / POSTINGS, random);
        List<DemoDrops.Drop> poison = poison(postings.get(0));
        stack.archive().faults().randomly(SEED, FAULT_RATE, Duration.ofMillis(150), Duration.ofMillis(1200));
        CrashInjection.enable(SEED, CRASH_RATE);
        long started = System.nanoTime();

        // No deadline runs while the test is still sending: a slow sender cannot make a valid drop late.
        HeldClock.hold();
        Delivery delivery;
        try {
            delivery = deliver(postings, valid, poison, random);
        } finally {
            HeldClock.release();
        }

        boolean drained = pipeline.awaitIdle(Duration.ofMinutes(8));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Map<String, Long> faults = stack.archive().faults().injected();
        long faultCount = faults.values().stream().mapToLong(Long::longValue).sum();
        long requests = stack.archive().faults().requests();
        long crashes = CrashInjection.crashes();
        stack.archive().faults().clear();
        CrashInjection.disable();
        ArchiveContents contents = stack.archive().contents();
        // A dokumentobjekt spent by a cut-short upload keeps no file (the strict profile, as the reference server);
        // the client registers the file on a new one. Counted, not archived.
        long spentObjects = contents.documents().stream().filter(d -> d.sha256().isEmpty()).count();
        ArchiveContents archive = new ArchiveContents(contents.cases(), contents.entries(),
                contents.documents().stream().filter(d -> !d.sha256().isEmpty()).toList(), contents.metadataJson());
        List<String> keys = pipeline.s3().listObjectsV2Paginator(r -> r.bucket(pipeline.bucket())).contents().stream()
                .map(o -> o.key()).toList();
        long quarantineReports = keys.stream().filter(k -> k.startsWith("quarantine/") && k.endsWith(".report.json")).count();
        List<String> leftInDropArea = keys.stream().filter(k -> !k.startsWith("quarantine/")).toList();
        int files = valid.stream().mapToInt(d -> d.files().size()).sum();
        String figures = String.format("archive protocol " + ARCHIVE_PROTOCOL + ", profile " + ARCHIVE_PROFILE.name() + ", %d spent dokumentobjekt; "
                        + "seed %d: %d valid documents (%d files) in %d postings, %d poison drops; "
                        + "%d duplicate deliveries, %d delivered XML before PDFs; archive faults %s: %d of %d requests "
                        + "(%.1f %%); crashes %d; records retried %d; after %d s: %d cases, %d entries, %d documents, "
                        + "%d quarantine reports, %d objects left in the drop area, %d dead-lettered",
                spentObjects, SEED, valid.size(), files, postings.size(), poison.size(), delivery.duplicates(), delivery.outOfOrder(),
                faults, faultCount, requests, 100.0 * faultCount / Math.max(1, requests), crashes,
                pipeline.failedRecords(), seconds, archive.cases().size(), archive.entries().size(),
                archive.documents().size(), quarantineReports, leftInDropArea.size(), pipeline.deadLettered());
        System.out.println("SOAK " + figures);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "soak-figures.txt"), figures + "\n");

        assertThat(drained).as("queues drained: " + figures).isTrue();
        if (FAULT_RATE > 0) {
            assertThat((double) faultCount / requests).as("share of archive requests that failed: " + figures)
                    .isCloseTo(FAULT_RATE, within(0.05));
        }
        assertThat(crashes > 0).as("crashes were injected: " + figures).isEqualTo(CRASH_RATE > 0);
        assertThat(delivery.duplicates() > 0).as("duplicates were delivered").isEqualTo(DUPLICATE_RATE > 0);
        assertThat(delivery.outOfOrder()).as("drops sent XML first whose PDFs were then missing")
                .isEqualTo(delivery.sentXmlFirst());
        assertThat(delivery.outOfOrder() > 0).as("drops arrived out of order").isEqualTo(OUT_OF_ORDER_RATE > 0);
        assertThat(archive.cases()).as("cases: " + figures).hasSize(postings.size());
        assertThat(archive.entries()).as("entries: " + figures).hasSize(valid.size());
        assertThat(archive.documents()).as("documents: " + figures).hasSize(files);
        assertThat(quarantineReports).as("quarantine reports: " + figures).isEqualTo(poison.size());
        for (Posting posting : postings) {
            assertThat(archive.cases()).as("one case for " + posting.caseNumber())
                    .filteredOn(c -> c.description().equals("WEBCRUITER " + posting.caseNumber())).hasSize(1);
        }
        for (DemoDrops.Drop drop : valid) {
            DocumentDrop document = drop.document();
            assertThat(archive.entries()).as("one entry for " + document.documentId())
                    .filteredOn(e -> e.json().contains("\"beskrivelse\":\"WEBCRUITER " + document.documentId() + "\""))
                    .hasSize(1);
            List<ArchiveContents.Document> stored = archive.documents().stream()
                    .filter(d -> d.externalReference().equals(document.documentId())).toList();
            assertThat(stored).as("documents of " + document.documentId()).hasSize(document.files().size());
            for (DropFile file : document.files()) {
                assertThat(stored).filteredOn(d -> d.fileName().equals(file.name())).singleElement()
                        .satisfies(d -> assertThat(d.sha256()).isEqualTo(file.sha256()));
            }
            assertThat(keys).as("sources of " + document.documentId() + " removed")
                    .noneMatch(k -> k.startsWith(drop.xmlKey().substring(0, drop.xmlKey().lastIndexOf('/') + 1)));
        }
        for (DemoDrops.Drop drop : poison) {
            assertThat(keys).as("quarantined with a report: " + drop.xmlKey()).contains("quarantine/" + drop.xmlKey() + ".report.json");
        }
        assertThat(leftInDropArea).as("left in the drop area: " + figures)
                .containsExactlyInAnyOrderElementsOf(PipelineScenario.BYSTANDERS);
        assertThat(pipeline.deadLettered()).as("dead-letter queues: " + figures).isZero();
    }

    /**
     * What the sender did, counted as it happened.
     *
     * @param sentXmlFirst drops whose XML the sender put before their PDFs
     * @param outOfOrder   of those, how many were seen in the bucket with a PDF missing right after the XML arrived
     */
    private record Delivery(int duplicates, int sentXmlFirst, int outOfOrder) {
    }

    /** A drop sent XML first, whose PDFs follow once the sender has put this many further drops. */
    private record Late(DemoDrops.Drop drop, int dueAt) {
    }

    /**
     * Uploads everything in a shuffled order. PDFs that come late come after a few more drops (sender progress, not
     * time); drops whose PDFs never come are sent last, so they wait no longer than the deadline itself.
     */
    private static Delivery deliver(List<Posting> postings, List<DemoDrops.Drop> valid, List<DemoDrops.Drop> poison,
                                    Random random) throws InterruptedException {
        for (String key : PipelineScenario.BYSTANDERS) {
            pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(key), RequestBody.fromString("not a drop"));
        }
        List<DemoDrops.Drop> all = new ArrayList<>(valid);
        poison.stream().filter(d -> !d.files().isEmpty()).forEach(all::add);
        Collections.shuffle(all, random);
        poison.stream().filter(d -> d.files().isEmpty()).forEach(all::add);
        List<Late> late = new ArrayList<>();
        List<Posting> announced = new ArrayList<>(postings);
        Collections.shuffle(announced, random);
        DropWriter writer = new DropWriter();
        int duplicates = 0;
        int sentXmlFirst = 0;
        int outOfOrder = 0;
        for (int i = 0; i < all.size(); i++) {
            DemoDrops.Drop drop = all.get(i);
            if (i % (all.size() / announced.size() + 1) == 0 && !announced.isEmpty()) {
                Posting posting = announced.remove(0);
                pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                        .messageBody(new DemoDrops(posting.caseNumber(), posting.applicationDeadline()).postingPublishedMessage()));
            }
            boolean xmlFirst = valid.contains(drop) && random.nextDouble() < OUT_OF_ORDER_RATE;
            if (!xmlFirst) {
                putFiles(drop);
            }
            put(drop.xmlKey(), writer.write(drop.document()));
            if (xmlFirst) {
                sentXmlFirst++;
                outOfOrder += anyFileMissing(drop) ? 1 : 0;
                late.add(new Late(drop, i + LATE_BY_DROPS));
            }
            if (random.nextDouble() < DUPLICATE_RATE) {
                duplicates++;
                if (random.nextBoolean()) {
                    put(drop.xmlKey(), writer.write(drop.document()));
                } else {
                    pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("archiveDocument")).messageBody(
                            LambdaEvents.objectCreated(pipeline.bucket(), drop.xmlKey(), 1, "dup", Pipeline.REGION)));
                }
            }
            int sent = i;
            late.removeIf(l -> l.dueAt() <= sent && putFiles(l.drop()));
            if (SENDER_PAUSE_MILLIS > 0) {
                Thread.sleep(SENDER_PAUSE_MILLIS);
            }
        }
        late.forEach(l -> putFiles(l.drop()));
        return new Delivery(duplicates, sentXmlFirst, outOfOrder);
    }

    private static boolean anyFileMissing(DemoDrops.Drop drop) {
        return drop.files().keySet().stream().anyMatch(name -> pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.bucket())
                .prefix(DropKeys.fileKey(drop.xmlKey(), name))).keyCount() == 0);
    }

    /** Drops that can never be archived: a disguised executable, a checksum that lies, a PDF that never comes. */
    private static List<DemoDrops.Drop> poison(Posting posting) {
        List<DemoDrops.Drop> drops = new ArrayList<>();
        byte[] exe = "MZ this is not a PDF".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = MinimalPdf.withText("poison");
        for (int i = 0; i < 6; i++) {
            String id = "POISON-" + i;
            byte[] content = i < 2 ? exe : pdf;
            String declaredSha = i >= 2 && i < 4 ? DemoDrops.sha256(MinimalPdf.withText("other " + i)) : DemoDrops.sha256(content);
            long declaredSize = i >= 2 && i < 4 ? MinimalPdf.withText("other " + i).length : content.length;
            DocumentDrop document = new DocumentDrop(no.webcruiteresa.domain.Form.PUBLIC_APPLICANT_LIST, id, "Liste " + i,
                    java.time.LocalDate.of(2026, 11, 20), posting, null,
                    List.of(new DropFile("liste.pdf", DropFile.Role.MAIN, null, declaredSize, declaredSha)));
            drops.add(new DemoDrops.Drop(document, i < 4 ? Map.of("liste.pdf", content) : Map.of()));
        }
        return drops;
    }

    /** @return true, for use in a filter */
    private static boolean putFiles(DemoDrops.Drop drop) {
        drop.files().forEach((name, content) -> put(DropKeys.fileKey(drop.xmlKey(), name), content));
        return true;
    }

    private static void put(String key, byte[] content) {
        pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(key), RequestBody.fromBytes(content));
    }

}
