package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.SpecialConsideration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * No personal value from any fixture appears in any log line of any component: the end-to-end scenario, the hostile
 * corpus (src/test/resources/bad-drops: a name with an apostrophe, a file named after a person, …), unreadable
 * messages with a name in them, a valid drop from an applicant with an apostrophe and a file named after her, and a
 * short run against an archive that fails a fifth of its requests, all on one embedded stack, with every log line of
 * every component captured (our loggers at their finest level).
 */
class NoPersonalDataInLogsTest {
    private static final String CASE = "240700";

    @Test
    void noLogLineHoldsAPersonalValueFromTheFixtures() throws Exception {
        PersonalValues personal = new PersonalValues().addXmlFixtures(badDrops());
        List<String> lines;
        String phases = "";
        try (LogCapture capture = LogCapture.start()) {
            System.setProperty("webcruiter-esa.drop.incomplete-deadline", "3s");
            System.setProperty("webcruiter-esa.archive.request-timeout", "1s");
            // A lost answer keeps its creation lock until it is stale: short here, so the fault run ends soon.
            System.setProperty("webcruiter-esa.drop.stale-lock-after", "6s");
            try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.forTests())) {
                capture.attach();
                long started = System.nanoTime();
                Pipeline pipeline = stack.pipeline();

                // 1. The end-to-end scenario, and an applicant whose name has an apostrophe, with a file named after her.
                PipelineScenario scenario = new PipelineScenario(CASE);
                DemoDrops.Drop hostile = apostropheApplication(scenario.demo.posting());
                personal.addDrops(scenario.drops.stream().map(DemoDrops.Drop::document).toList())
                        .addDrops(List.of(hostile.document()));
                scenario.run(pipeline);
                DemoDrops.upload(pipeline.s3(), pipeline.bucket(), List.of(hostile));

                // 2. The hostile corpus, and unreadable messages that carry a name.
                int corpus = dropCorpus(pipeline);
                String name = "Kari Nordmann";
                personal.add(name).add("kari.nordmann@example.org");
                pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                        .messageBody("{\"caseNumber\": \"" + CASE + "\", \"title\": Kari Nordmann}"));
                pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("archiveDocument"))
                        .messageBody("Kari Nordmann <kari.nordmann@example.org>"));
                pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("removeXmlAttachment"))
                        .messageBody("{\"xmlKey\": Kari Nordmann}"));
                assertThat(pipeline.awaitIdle(Duration.ofMinutes(2))).as("queues drained").isTrue();
                long drained = System.nanoTime();

                // 3. A short fault run: the archive fails, stalls and loses answers for a fifth of its requests.
                List<Posting> postings = SoakDrops.postings(1);
                List<DemoDrops.Drop> faulty = SoakDrops.drops(postings, 6, new Random(20261201L));
                personal.addDrops(faulty.stream().map(DemoDrops.Drop::document).toList());
                stack.archive().faults().randomly(20261201L, 0.2, Duration.ofMillis(100), Duration.ofMillis(1200));
                postings.forEach(p -> pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase"))
                        .messageBody(new DemoDrops(p.caseNumber(), LocalDate.of(2026, 11, 20)).postingPublishedMessage())));
                DemoDrops.upload(pipeline.s3(), pipeline.bucket(), faulty);
                assertThat(pipeline.awaitIdle(Duration.ofMinutes(2))).as("queues drained after the fault run").isTrue();
                phases = "scenario and corpus " + (drained - started) / 1_000_000_000 + " s, fault run "
                        + (System.nanoTime() - drained) / 1_000_000_000 + " s";
                long faults = stack.archive().faults().injected().values().stream().mapToLong(Long::longValue).sum();
                stack.archive().faults().clear();

                assertThat(faults).as("archive faults injected").isPositive();
                assertThat(corpus).as("corpus drops").isGreaterThan(15);
                assertThat(pipeline.deadLettered()).as("dead-lettered").isZero();
                assertThat(stack.archive().contents().entries().size()).as("entries archived")
                        .isGreaterThanOrEqualTo(scenario.drops.size() + 1 + faulty.size());
            } finally {
                Pipeline.systemProperties().forEach(System::clearProperty);
                System.clearProperty("webcruiter-esa.drop.incomplete-deadline");
                System.clearProperty("webcruiter-esa.archive.request-timeout");
                System.clearProperty("webcruiter-esa.drop.stale-lock-after");
            }
            lines = capture.lines();
        }

        System.out.println("log capture: " + lines.size() + " lines; " + phases);
        assertThat(lines).as("lines captured").hasSizeGreaterThan(50);
        assertThat(personal.values()).as("personal values collected").contains("O'Brien", "Brien", "Kari_Nordmann_CV.pdf",
                "14.03.1988", "1988-03-14", "ase@example.org", "Kjøpmannsgata 12");
        // Every record's handling carries its correlation fields, and ends with one outcome line.
        assertThat(lines).as("outcome lines with their correlation fields").anySatisfy(line -> assertThat(line)
                .contains("SLF4J INFO no.webcruiteresa.functions.SqsBatch", "caseNumber=" + CASE, "documentId=WC201-",
                        "messageId=", "outcome=archived", "function=archiveDocument"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("outcome=quarantined", "function=createCase"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("outcome=removed", "function=removeXmlAttachment"));
        List<String> leaks = personal.leaks(lines);
        assertThat(leaks).as("log lines with personal data (" + lines.size() + " lines captured)").isEmpty();
    }

    /** An application from an applicant with an apostrophe in her name, with her CV named after her. */
    private static DemoDrops.Drop apostropheApplication(Posting posting) {
        Applicant applicant = new Applicant("A-2001", "Siobhán", "O'Connor-Haugen",
                new PostalAddress(List.of("Bakkegata 9"), "7014", "Trondheim", "NO"), "siobhan@example.org",
                "+4790000021", LocalDate.of(1993, 5, 17), "Kvinne", "Irsk", "IE",
                new SpecialConsideration(false, false, false, false));
        byte[] cv = MinimalPdf.withText("CV");
        byte[] application = MinimalPdf.withText("Søknad");
        String documentId = "WC201-" + posting.caseNumber() + "-2001";
        DocumentDrop document = new DocumentDrop(Form.APPLICATION, documentId,
                "Søknad på stilling - " + applicant.fullName(), LocalDate.of(2026, 11, 20), posting, applicant,
                List.of(new DropFile("soknad.pdf", DropFile.Role.MAIN, "Søknad", application.length,
                                DemoDrops.sha256(application)),
                        new DropFile("Siobhan_OConnor-Haugen_CV.pdf", DropFile.Role.ATTACHMENT, "CV", cv.length,
                                DemoDrops.sha256(cv))));
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("soknad.pdf", application);
        files.put("Siobhan_OConnor-Haugen_CV.pdf", cv);
        return new DemoDrops.Drop(document, files);
    }

    /** Puts every drop of the corpus (its PDFs, then its XML) into the bucket; returns how many. */
    private static int dropCorpus(Pipeline pipeline) throws IOException, URISyntaxException {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(badDrops())) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(dir.resolve("case.properties"))) {
                properties.load(in);
            }
            String key = properties.getProperty("key");
            String folder = key.substring(0, key.lastIndexOf('/') + 1);
            List<Path> pdfs;
            try (Stream<Path> files = Files.list(dir)) {
                pdfs = files.filter(f -> f.toString().endsWith(".pdf")).toList();
            }
            for (Path pdf : pdfs) {
                put(pipeline, folder + pdf.getFileName(), Files.readAllBytes(pdf));
            }
            put(pipeline, key, Files.readAllBytes(dir.resolve("drop.xml")));
        }
        return new ArrayList<>(dirs).size();
    }

    private static void put(Pipeline pipeline, String key, byte[] content) {
        pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(key), RequestBody.fromBytes(content));
    }

    private static Path badDrops() throws URISyntaxException {
        return Path.of(NoPersonalDataInLogsTest.class.getResource("/bad-drops").toURI());
    }
}
