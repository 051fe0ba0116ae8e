package no.webcruiteresa.benchmarks;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import no.webcruiteresa.adapter.drop.DropStoreQuarantine;
import no.webcruiteresa.adapter.drop.JaxbDropParser;
import no.webcruiteresa.adapter.drop.S3CreationLocks;
import no.webcruiteresa.adapter.drop.S3DropStore;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.adapter.noark5.Noark5Compatibility;
import no.webcruiteresa.adapter.noark5.Noark5Credentials;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.adapter.noark5.RetryPolicy;
import no.webcruiteresa.application.DropReader;
import no.webcruiteresa.application.EnsureCase;
import no.webcruiteresa.application.RetryBudget;
import no.webcruiteresa.domain.EntryType;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.FormRule;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationSettings;
import no.webcruiteresa.domain.Screening;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cold-start baseline's wiring: the functions' own use cases and adapters (the same archive calls, the same S3
 * lock), built by hand from the environment Lambda gives, with the seed defaults of application.yml and no Spring.
 * What a function would cost if it were a plain {@code RequestStreamHandler}.
 */
final class PlainFunctions {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    final String bucket = env("WEBCRUITERESA_DROP_BUCKET", "webcruiter-drop");
    final String region = env("WEBCRUITERESA_AWS_REGION", "eu-north-1");
    final Clock clock = Clock.systemUTC();
    final Duration staleLockAfter = Duration.ofMinutes(10);
    final RetryBudget retryBudget = new RetryBudget(50, Duration.ofSeconds(30), Duration.ofHours(6));
    final S3Client s3;
    final SqsClient sqs;
    final S3DropStore store;
    final S3CreationLocks locks;
    final DropStoreQuarantine quarantine;
    final Noark5Archive archive;
    final RegistrationSettings registration = seedRegistration();
    final EnsureCase ensureCase;
    final DropReader reader;

    PlainFunctions() {
        var s3Builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
        String s3Endpoint = env("WEBCRUITERESA_AWS_S3ENDPOINT", "");
        if (!s3Endpoint.isBlank()) {
            s3Builder.endpointOverride(URI.create(s3Endpoint)).forcePathStyle(true);
        }
        s3 = s3Builder.build();
        var sqsBuilder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
        String sqsEndpoint = env("WEBCRUITERESA_AWS_SQSENDPOINT", "");
        if (!sqsEndpoint.isBlank()) {
            sqsBuilder.endpointOverride(URI.create(sqsEndpoint));
        }
        sqs = sqsBuilder.build();
        store = new S3DropStore(s3, bucket);
        locks = new S3CreationLocks(s3, bucket, "locks/", clock);
        quarantine = new DropStoreQuarantine(store, "quarantine/");
        archive = new Noark5Archive(new Noark5Settings(URI.create(env("WEBCRUITERESA_ARCHIVE_URL",
                "http://127.0.0.1:8092/noark5v5/")), Noark5Credentials.NONE, new RetryPolicy(4,
                Duration.ofMillis(200), Duration.ofSeconds(5), 5, Duration.ofSeconds(30)), Duration.ofSeconds(5),
                Duration.ofSeconds(20), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker",
                new Noark5Compatibility(ZoneId.of("Europe/Oslo"), Set.of(), "vnd-webcruiteresa-v1")));
        ensureCase = new EnsureCase(archive, registration, clock, locks, staleLockAfter);
        reader = new DropReader(store, new JaxbDropParser(), 1_048_576);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? System.getProperty(name, fallback) : value;
    }

    private static RegistrationSettings seedRegistration() {
        Map<Form, FormRule> forms = new EnumMap<>(Form.class);
        forms.put(Form.POSTING, new FormRule(EntryType.fromCode("U"), Screening.NONE));
        forms.put(Form.APPLICATION, exempt("I", "Offl. § 25 første ledd", true));
        forms.put(Form.APPLICATION_ATTACHMENTS, exempt("I", "Offl. § 25", true));
        forms.put(Form.LETTER_TO_APPLICANT, exempt("U", "Offl. § 25", true));
        forms.put(Form.PUBLIC_APPLICANT_LIST, new FormRule(EntryType.fromCode("U"), Screening.NONE));
        forms.put(Form.EXTENDED_APPLICANT_LIST, exempt("U", "Offl. § 25 første ledd", false));
        forms.put(Form.OTHER_APPLICANT_LIST, exempt("U", "Offl. § 25", false));
        return new RegistrationSettings("WS.1000", "WSANS", "WS1000", "STD", "B", "J1", "J", "F", "P",
                "application/pdf", "EL-SAKARKI", "410", "WEBCRUITER", forms);
    }

    private static FormRule exempt(String entryType, String legalBasis, boolean screenName) {
        return new FormRule(EntryType.fromCode(entryType), Screening.exempt("P", legalBasis, screenName));
    }

    /** One SQS batch: each record alone; a failed one is reported (and postponed) so only it comes back. */
    String batch(JsonNode event, Consumer<JsonNode> handler) {
        List<String> failed = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String id = record.path("messageId").asString("");
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                failed.add(id);
                postpone(record, deliveries(record));
            }
        }
        StringBuilder out = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < failed.size(); i++) {
            out.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(failed.get(i)).append("\"}");
        }
        return out.append("]}").toString();
    }

    static int deliveries(JsonNode record) {
        try {
            return Integer.parseInt(record.path("attributes").path("ApproximateReceiveCount").asString("1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void postpone(JsonNode record, int deliveries) {
        String[] arn = record.path("eventSourceARN").asString("").split(":");
        if (arn.length < 6) {
            return;
        }
        try {
            String url = sqs.getQueueUrl(r -> r.queueName(arn[5]).queueOwnerAWSAccountId(arn[4])).queueUrl();
            sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(record.path("receiptHandle").asString())
                    .visibilityTimeout((int) retryBudget.delayAfter(deliveries, ThreadLocalRandom.current())
                            .toSeconds()));
        } catch (RuntimeException e) {
            // best effort, as the product's
        }
    }

    static Posting posting(String body) {
        JsonNode root = JSON.readTree(body);
        String deadline = root.path("applicationDeadline").asString("");
        return new Posting(root.path("caseNumber").asString(), root.path("title").asString(),
                root.path("organisationalUnit").asString(), deadline.isBlank() ? null : LocalDate.parse(deadline));
    }

    /** The keys an S3 notification announces as created in the drop bucket; none for S3's test event. */
    List<String> createdKeys(String body) {
        JsonNode root = JSON.readTree(body);
        List<String> keys = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            if (record.path("eventName").asString("").startsWith("ObjectCreated:")
                    && bucket.equals(record.path("s3").path("bucket").path("name").asString(""))) {
                keys.add(URLDecoder.decode(record.path("s3").path("object").path("key").asString(""),
                        StandardCharsets.UTF_8));
            }
        }
        return keys;
    }
}
