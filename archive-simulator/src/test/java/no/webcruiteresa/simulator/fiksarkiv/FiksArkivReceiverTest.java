package no.webcruiteresa.simulator.fiksarkiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.webcruiteresa.fiksarkiv.Asice;
import no.webcruiteresa.fiksarkiv.Feilmelding;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport;
import no.webcruiteresa.fiksarkiv.FiksArkivTransport.Reply;
import no.webcruiteresa.fiksarkiv.LoopbackHttpTransport;
import no.webcruiteresa.fiksarkiv.MessageTypes;
import no.webcruiteresa.simulator.ArchiveSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the receiver answers to packages no client of ours would send: the standard's error messages, nothing stored. */
class FiksArkivReceiverTest {
    private ArchiveSimulator simulator;
    private LoopbackHttpTransport transport;

    @BeforeEach
    void start() {
        simulator = ArchiveSimulator.start(0, null);
        transport = new LoopbackHttpTransport(simulator.fiksArkivRoot(), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void anArkivmeldingThatBreaksTheSchemaIsUgyldigForespoersel() {
        String missingSystem = """
                <arkivmelding xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1">
                  <antallFiler>0</antallFiler>
                </arkivmelding>""";

        Reply answer = send(MessageTypes.ARKIVMELDING_OPPRETT, "arkivmelding.xml", missingSystem);

        assertThat(answer.type()).isEqualTo(MessageTypes.UGYLDIG_FORESPOERSEL);
        assertThat(Feilmelding.parse(answer.type(), answer.payload()).feilmelding()).contains("system");
        assertThat(simulator.contents().cases()).isEmpty();
    }

    @Test
    void aPackageWithoutItsPayloadIsUgyldigForespoersel() {
        Reply answer = send(MessageTypes.ARKIVMELDING_OPPRETT, "something-else.xml", "<a/>");

        assertThat(answer.type()).isEqualTo(MessageTypes.UGYLDIG_FORESPOERSEL);
    }

    @Test
    void aPlainZipIsUgyldigForespoersel() throws Exception {
        UUID id = UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("arkivmelding.xml"));
            zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        simulator.fiksArkivRoot().resolve("meldinger"))
                .header(LoopbackHttpTransport.TYPE_HEADER, MessageTypes.ARKIVMELDING_OPPRETT)
                .header(LoopbackHttpTransport.ID_HEADER, id.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(finalAnswer(id).type()).isEqualTo(MessageTypes.UGYLDIG_FORESPOERSEL);
    }

    @Test
    void aMessageTypeTheArchiveDoesNotTakeIsUgyldigForespoersel() {
        Reply answer = send("no.ks.fiks.arkiv.v1.innsyn.sok", "sok.xml", "<sok/>");

        assertThat(answer.type()).isEqualTo(MessageTypes.UGYLDIG_FORESPOERSEL);
    }

    @Test
    void aLookupOfAnUnknownKeyIsIkkeFunnet() {
        String hent = """
                <mappeHent xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/mappe/hent/v1"
                           xmlns:n5="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1">
                  <system>WEBCRUITER</system>
                  <referanseTilMappe><n5:referanseEksternNoekkel><n5:fagsystem>WEBCRUITER</n5:fagsystem>
                    <n5:noekkel>404</n5:noekkel></n5:referanseEksternNoekkel></referanseTilMappe>
                </mappeHent>""";

        Reply answer = send(MessageTypes.MAPPE_HENT, "mappe-hent.xml", hent);

        assertThat(answer.type()).isEqualTo(MessageTypes.IKKE_FUNNET);
    }

    private Reply send(String type, String payloadName, String payload) {
        UUID id = UUID.randomUUID();
        transport.send(new FiksArkivTransport.OutgoingMessage(id, type, List.of(new Asice.Entry(payloadName,
                "application/xml", () -> new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8))))));
        return finalAnswer(id);
    }

    private Reply finalAnswer(UUID id) {
        List<Reply> replies = transport.replies(id, Duration.ofSeconds(10));
        assertThat(replies).anyMatch(Reply::isFinal);
        return replies.stream().filter(Reply::isFinal).findFirst().orElseThrow();
    }
}
