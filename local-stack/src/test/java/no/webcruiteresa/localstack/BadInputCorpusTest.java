package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hostile or broken drop of the corpus (src/test/resources/bad-drops) goes through the running pipeline
 * beside a good one: each lands in quarantine, byte for byte, with a report naming its file, field and rule;
 * the good drop is archived; nothing is dead-lettered.
 */
class BadInputCorpusTest {
    private static final String OVERSIZE_KEY = "9000/OVERSIZE-1/OVERSIZE-1.xml";
    private static EmbeddedStack stack;
    private static Pipeline pipeline;
    private static final Map<String, byte[]> uploaded = new HashMap<>();
    private static List<CorpusCase> corpus;
    private static String unreadableMessageId;
    private static DemoDrops.Drop goodDrop;

    record CorpusCase(String name, String key, String field, String rule, Path dir) {
    }

    @BeforeAll
    static void dropTheCorpus() throws Exception {
        System.setProperty("webcruiter-esa.drop.incomplete-deadline", "3s");
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests());
        pipeline = stack.pipeline();
        corpus = corpus();
        for (CorpusCase c : corpus) {
            try (Stream<Path> files = Files.list(c.dir())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                    put(c.key().substring(0, c.key().lastIndexOf('/') + 1) + file.getFileName(), Files.readAllBytes(file));
                }
            }
            put(c.key(), Files.readAllBytes(c.dir().resolve("drop.xml")));
        }
        put(OVERSIZE_KEY, ("<?xml version=\"1.0\"?><!-- " + " ".repeat(1_100_000) + " --><document/>")
                .getBytes(StandardCharsets.UTF_8));
        unreadableMessageId = pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("archiveDocument"))
                .messageBody("this is not an S3 event")).messageId();
        goodDrop = new DemoDrops("9001", LocalDate.of(2026, 11, 20)).drops().get(0);
        DemoDrops.upload(pipeline.s3(), pipeline.bucket(), List.of(goodDrop));
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(2))).as("queues drained").isTrue();
    }

    @AfterAll
    static void stop() {
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
    }

    @Test
    void everyCorpusDropIsQuarantinedWithAReportNamingItsFileFieldAndRule() {
        corpus.forEach(c -> System.out.println("corpus " + c.name() + ": " + report(c.key()).path("field").asString()
                + ": " + report(c.key()).path("rule").asString()));
        for (CorpusCase c : corpus) {
            JsonNode report = report(c.key());
            assertThat(report.path("key").asString()).as(c.name()).isEqualTo(c.key());
            assertThat(report.path("field").asString()).as(c.name() + " field").isEqualTo(c.field());
            assertThat(report.path("rule").asString()).as(c.name() + " rule").contains(c.rule());
            assertThat(report.path("attempts").asInt()).as(c.name() + " attempts").isPositive();
        }
        assertThat(report(OVERSIZE_KEY).path("rule").asString()).contains("larger than the limit");
    }

    @Test
    void quarantineKeepsEveryByteOfExactlyTheBadDrop_andLeavesWhatAnUnreadableXmlCannotName() {
        for (CorpusCase c : corpus) {
            List<String> objects = new java.util.ArrayList<>();
            report(c.key()).path("objects").forEach(o -> objects.add(o.asString()));
            List<String> uploadedHere = uploaded.keySet().stream()
                    .filter(k -> k.startsWith(c.key().substring(0, c.key().lastIndexOf('/') + 1))).toList();
            // Parser errors are reported on "document…": such an XML names no files, so only it is moved.
            List<String> expected = c.field().equals("document") || c.field().startsWith("document.")
                    ? List.of(c.key()) : uploadedHere;
            assertThat(objects).as(c.name() + " quarantined objects").containsExactlyInAnyOrderElementsOf(expected);
            for (String key : uploadedHere) {
                String where = objects.contains(key) ? "quarantine/" + key : key;
                assertThat(keyExists(objects.contains(key) ? key : "quarantine/" + key)).as("one place only: " + key)
                        .isFalse();
                assertThat(pipeline.s3().getObjectAsBytes(r -> r.bucket(pipeline.bucket()).key(where)).asByteArray())
                        .as("intact: " + where).isEqualTo(uploaded.get(key));
            }
        }
        assertThat(keyExists(OVERSIZE_KEY)).isFalse();
    }

    @Test
    void anUnreadableMessageIsKeptWithItsBody_andTheGoodDropIsArchived() {
        JsonNode message = json(pipeline.s3().getObjectAsBytes(r -> r.bucket(pipeline.bucket())
                .key("quarantine/messages/archiveDocument/" + unreadableMessageId + ".report.json")).asByteArray());
        // The report holds the body's size and hash; the body itself is parked beside it.
        assertThat(message.has("body")).isFalse();
        assertThat(message.path("bodySize").asInt()).isEqualTo("this is not an S3 event".length());
        assertThat(pipeline.s3().getObjectAsBytes(r -> r.bucket(pipeline.bucket())
                .key(message.path("bodyKey").asString())).asUtf8String()).isEqualTo("this is not an S3 event");
        assertThat(message.path("field").asString()).isEqualTo("body");

        assertThat(stack.archive().contents().documents())
                .anySatisfy(d -> assertThat(d.externalReference()).isEqualTo(goodDrop.document().documentId()));
        assertThat(keyExists(goodDrop.xmlKey())).isFalse();
        assertThat(pipeline.deadLettered()).isZero();
    }

    private static void put(String key, byte[] content) {
        uploaded.put(key, content);
        pipeline.s3().putObject(r -> r.bucket(pipeline.bucket()).key(key), RequestBody.fromBytes(content));
    }

    private static boolean keyExists(String key) {
        return pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.bucket()).prefix(key)).contents().stream()
                .anyMatch(o -> o.key().equals(key));
    }

    private static JsonNode report(String key) {
        return json(pipeline.s3().getObjectAsBytes(r -> r.bucket(pipeline.bucket())
                .key("quarantine/" + key + ".report.json")).asByteArray());
    }

    private static JsonNode json(byte[] bytes) {
        return JsonMapper.builder().build().readTree(bytes);
    }

    private static List<CorpusCase> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(BadInputCorpusTest.class.getResource("/bad-drops").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().map(dir -> {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new CorpusCase(dir.getFileName().toString(), properties.getProperty("key"),
                        properties.getProperty("field"), properties.getProperty("rule"), dir);
            }).toList();
        }
    }
}
