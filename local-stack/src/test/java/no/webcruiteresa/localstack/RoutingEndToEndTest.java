package no.webcruiteresa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing on the embedded stack (S3Mock + ElasticMQ + the archive simulator over HTTP), under the standard and the
 * strict archive profile: "posting published" messages through createCase's queue; the cases read back from the
 * archive's API. The notices go to an SNS topic on moto, subscribed by an SQS queue there (skipped without moto).
 */
class RoutingEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ROUTING = new LinkedHashMap<>();

    static {
        ROUTING.put("webcruiter-esa.routing[0].organisational-unit", "Byåsen skole");
        ROUTING.put("webcruiter-esa.routing[0].administrative-unit", "OF.2100");
        ROUTING.put("webcruiter-esa.routing[0].case-handler", "BYASEN");
        ROUTING.put("webcruiter-esa.routing[0].access-group", "OF2100");
        ROUTING.put("webcruiter-esa.routing[1].organisational-unit", "Byåsen skole");
        ROUTING.put("webcruiter-esa.routing[1].position-category", "Leder");
        ROUTING.put("webcruiter-esa.routing[1].administrative-unit", "OF.2000");
        ROUTING.put("webcruiter-esa.routing[1].case-handler", "OFLEDER");
        ROUTING.put("webcruiter-esa.routing[1].access-group", "OF2000");
    }

    private static MotoServer moto;
    private static SqsClient motoSqs;
    private static String noticeQueue;
    private static String topicArn;
    private EmbeddedStack stack;
    private EmfCapture metrics;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.startIfInstalled();
        if (moto == null) {
            return;
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        SnsClient sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(Pipeline.REGION))
                .credentialsProvider(credentials).endpointOverride(moto.endpoint()).build();
        motoSqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(Pipeline.REGION))
                .credentialsProvider(credentials).endpointOverride(moto.endpoint()).build();
        topicArn = sns.createTopic(r -> r.name("CaseNoticeTopic")).topicArn();
        noticeQueue = motoSqs.createQueue(r -> r.queueName("unit-of-2100")).queueUrl();
        String queueArn = motoSqs.getQueueAttributes(r -> r.queueUrl(noticeQueue).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        // The unit hears only of its own cases: the filter policy on the unit attribute.
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true",
                        "FilterPolicy", "{\"administrativeUnit\":[\"OF.2100\"]}")));
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @AfterEach
    void stopStack() {
        if (metrics != null) {
            metrics.close();
        }
        if (stack != null) {
            stack.close();
        }
        Pipeline.systemProperties().forEach(System::clearProperty);
        ROUTING.keySet().forEach(System::clearProperty);
        System.clearProperty("webcruiter-esa.case-notices.topic-arn");
        System.clearProperty("webcruiter-esa.case-notices.sns-endpoint");
    }

    @ParameterizedTest(name = "archive profile {0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldCreateEachCaseInItsRoutedUnit_andTheUnmatchedInTheHoldingUnit(String profile) throws Exception {
        ROUTING.forEach(System::setProperty);
        if (moto != null) {
            System.setProperty("webcruiter-esa.case-notices.topic-arn", topicArn);
            System.setProperty("webcruiter-esa.case-notices.sns-endpoint", moto.endpoint().toString());
        }
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withArchiveProfile(ServerProfile.named(profile)));
        metrics = new EmfCapture();
        Pipeline pipeline = stack.pipeline();
        String teacher = profile.equals("strict") ? "250101" : "240101";
        String principal = profile.equals("strict") ? "250102" : "240102";
        String cleaner = profile.equals("strict") ? "250103" : "240103";

        publish(pipeline, teacher, "Lærer ved Byåsen skole", "Byåsen skole", "Undervisning");
        publish(pipeline, principal, "Rektor ved Byåsen skole", " byåsen skole", "Leder");
        publish(pipeline, cleaner, "Renholder ved Lade skole", "Lade skole", null);
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).as("queues drained").isTrue();
        assertThat(pipeline.deadLettered()).isZero();

        assertUnit(saksmappe(pipeline.archiveRoot(), teacher), "OF.2100", "BYASEN", "OF2100", profile);
        assertUnit(saksmappe(pipeline.archiveRoot(), principal), "OF.2000", "OFLEDER", "OF2000", profile);
        assertUnit(saksmappe(pipeline.archiveRoot(), cleaner), "WS.1000", "WSANS", "WS1000", profile);
        assertThat(metrics.sum("UnroutedPostings", Map.of("FunctionName", "createCase"))).isEqualTo(1);

        // Delivered again (SQS is at-least-once): found, not created or announced again, not counted again.
        publish(pipeline, cleaner, "Renholder ved Lade skole", "Lade skole", null);
        publish(pipeline, teacher, "Lærer ved Byåsen skole", "Byåsen skole", "Undervisning");
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(1))).isTrue();
        assertThat(metrics.sum("UnroutedPostings", Map.of("FunctionName", "createCase"))).isEqualTo(1);

        // Reported as skipped, not passed, where there is no moto to check the notice against.
        assumeTrue(moto != null, "moto_server is not on the PATH: the notice is not checked");
        {
            List<JsonNode> notices = receiveAll();
            assertThat(notices).as("OF.2100 subscribed to its own unit only").hasSize(1);
            JsonNode notice = notices.getFirst();
            assertThat(notice.path("postingCaseNumber").asString()).isEqualTo(teacher);
            assertThat(notice.path("administrativeUnit").asString()).isEqualTo("OF.2100");
            assertThat(notice.path("publicTitle").asString()).isEqualTo("Lærer ved Byåsen skole");
            assertThat(notice.path("caseId").asString()).isEqualTo(
                    saksmappe(pipeline.archiveRoot(), teacher).path("mappeID").asString());
            assertThat(notice.path("routed").asBoolean()).isTrue();
            assertThat(notice.propertyNames()).containsExactlyInAnyOrder("postingCaseNumber", "caseSystemId",
                    "caseId", "administrativeUnit", "publicTitle", "routed");
        }
    }

    private static void publish(Pipeline pipeline, String caseNumber, String title, String unit, String category) {
        String body = "{\"type\":\"PostingPublished\",\"caseNumber\":\"" + caseNumber + "\",\"title\":\"" + title
                + "\",\"organisationalUnit\":\"" + unit + "\""
                + (category == null ? "" : ",\"positionCategory\":\"" + category + "\"") + "}";
        pipeline.sqs().sendMessage(r -> r.queueUrl(pipeline.queueOf("createCase")).messageBody(body));
    }

    /** The strict profile refuses saksmappe.administrativEnhet (as the reference server does): the unit is in the custom metadata. */
    private static void assertUnit(JsonNode saksmappe, String unit, String handler, String accessGroup,
                                   String profile) {
        if (profile.equals("standard")) {
            assertThat(saksmappe.path("administrativEnhet").asString()).isEqualTo(unit);
        }
        assertThat(saksmappe.path("saksansvarlig").asString()).isEqualTo(handler);
        String custom = saksmappe.path("virksomhetsspesifikkeMetadata").toString();
        assertThat(custom).contains("\"" + accessGroup + "\"").contains("\"" + unit + "\"");
    }

    /** The case as the archive's API lists it, found by the WebCruiter reference the README's example uses. */
    static JsonNode saksmappe(URI root, String caseNumber) throws Exception {
        String filter = URLEncoder.encode("beskrivelse eq 'WEBCRUITER " + caseNumber + "'", StandardCharsets.UTF_8)
                .replace("+", "%20");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        root.resolve("api/sakarkiv/saksmappe?$filter=" + filter))
                .header("Accept", "application/vnd.noark5+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(answer.body()).path("results");
        assertThat(results.size()).as("one case for posting %s", caseNumber).isEqualTo(1);
        return results.get(0);
    }

    private static List<JsonNode> receiveAll() {
        List<JsonNode> bodies = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<Message> messages = motoSqs.receiveMessage(r -> r.queueUrl(noticeQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            messages.forEach(m -> {
                bodies.add(JSON.readTree(m.body()));
                motoSqs.deleteMessage(r -> r.queueUrl(noticeQueue).receiptHandle(m.receiptHandle()));
            });
        }
        return bodies;
    }
}
