package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import no.webcruiteresa.application.port.ArchivedCase;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.RegistrationRules;
import no.webcruiteresa.domain.TestDrops;
import no.webcruiteresa.simulator.ArchiveSimulator;
import no.webcruiteresa.simulator.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Finishing a case over HTTP (PUT with the ETag it was read with), under the standard and the strict profile. */
class Noark5CaseStatusTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private ArchiveSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldSetTheFinishedStatusOnce_andKeepTheCasesOtherValues(String profile) throws Exception {
        simulator = ArchiveSimulator.start(InetAddress.getLoopbackAddress(), 0, null, 10, null,
                ServerProfile.named(profile));
        Noark5Archive archive = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE,
                RetryPolicy.NONE, Duration.ofSeconds(2), Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev",
                "Personalsaker"));
        ArchivedCase created = archive.createCase(new RegistrationRules(TestDrops.seedSettings())
                .caseFor(new Posting("240117", "Lærer ved Byåsen skole", "Byåsen skole", null), LocalDate.of(2026, 12, 2)));

        assertThat(saksmappe("240117").path("saksstatus").path("kode").asString()).isEqualTo("B");
        assertThat(archive.setCaseStatus(created, "A")).isTrue();
        // A new client (a later invocation) finds it finished and writes nothing.
        Noark5Archive later = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE,
                RetryPolicy.NONE, Duration.ofSeconds(2), Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev",
                "Personalsaker"));
        assertThat(later.setCaseStatus(later.findCase("WEBCRUITER 240117").orElseThrow(), "A")).isFalse();

        JsonNode finished = saksmappe("240117");
        assertThat(finished.path("saksstatus").path("kode").asString()).isEqualTo("A");
        assertThat(finished.path("saksstatus").path("kodenavn").asString()).isEqualTo("Avsluttet");
        assertThat(finished.path("tittel").asString()).isEqualTo("Lærer ved Byåsen skole");
        assertThat(finished.path("saksansvarlig").asString()).isEqualTo("WSANS");
        assertThat(finished.path("virksomhetsspesifikkeMetadata").toString()).contains("WS1000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "strict"})
    void shouldRefuseAStatusOutsideTheCodeList_beforeSendingIt(String profile) {
        simulator = ArchiveSimulator.start(InetAddress.getLoopbackAddress(), 0, null, 10, null,
                ServerProfile.named(profile));
        Noark5Archive archive = new Noark5Archive(new Noark5Settings(simulator.root(), Noark5Credentials.NONE,
                RetryPolicy.NONE, Duration.ofSeconds(2), Duration.ofSeconds(10), "fmt/276", "PDF 1.7", "B", "Brev",
                "Personalsaker"));
        ArchivedCase created = archive.createCase(new RegistrationRules(TestDrops.seedSettings())
                .caseFor(new Posting("240118", "Rektor", "Byåsen skole", null), LocalDate.of(2026, 12, 2)));

        assertThatThrownBy(() -> archive.setCaseStatus(created, "X")).hasMessageContaining("saksstatus");
    }

    private JsonNode saksmappe(String caseNumber) throws Exception {
        String filter = URLEncoder.encode("beskrivelse eq 'WEBCRUITER " + caseNumber + "'", StandardCharsets.UTF_8)
                .replace("+", "%20");
        URI list = simulator.root().resolve("api/sakarkiv/saksmappe?$filter=" + filter);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list)
                .header("Accept", "application/vnd.noark5+json").build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).path("results").get(0);
    }
}
