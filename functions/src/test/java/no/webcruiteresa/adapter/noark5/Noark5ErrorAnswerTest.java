package no.webcruiteresa.adapter.noark5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server that refuses a request may echo the values it refused (a name, an address): the client's error text keeps
 * the status, the error code and the field names, never the values. Over HTTP, against a server on loopback that
 * answers as such servers do.
 */
class Noark5ErrorAnswerTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldKeepStatusCodeAndFieldNames_butWithholdEchoedValues() throws IOException {
        URI root = answering(400, "{\"status\":400,\"error\":\"BAD_REQUEST\",\"message\":\"navn 'Kari O'Brien' is too "
                + "long for korrespondansepart.navn\",\"rejected\":{\"navn\":\"Kari O'Brien\",\"Kari O'Brien\":1},"
                + "\"errors\":[{\"field\":\"postadresse\",\"rejectedValue\":\"Storgata 1, 7010 Trondheim\"}]}");
        ObjectNode body = JsonMapper.builder().build().createObjectNode().put("navn", "Kari O'Brien");
        body.putObject("postadresse").put("adresselinje1", "Storgata 1");

        assertThatThrownBy(() -> http(root).post(root.resolve("ny-korrespondansepartperson"), body))
                .isInstanceOfSatisfying(ArchiveRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("400", "BAD_REQUEST", "navn", "postadresse", "withheld")
                            .doesNotContain("Kari", "Brien", "Storgata", "Trondheim", "too long");
                });
    }

    @Test
    void shouldWithholdAPlainTextAnswer_butNameTheFieldsItMentions() throws IOException {
        URI root = answering(422, "Unprocessable: tittel 'Søknad fra Kari Nordmann' is refused");
        ObjectNode body = JsonMapper.builder().build().createObjectNode().put("tittel", "Søknad fra Kari Nordmann");

        assertThatThrownBy(() -> http(root).post(root.resolve("ny-journalpost"), body))
                .isInstanceOf(ArchiveRejectedException.class)
                .hasMessageContaining("422").hasMessageContaining("tittel").hasMessageNotContaining("Kari");
    }

    private URI answering(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", Noark5Http.MEDIA_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/noark5v5/");
    }

    private static Noark5Http http(URI root) {
        return new Noark5Http(new Noark5Settings(root, Noark5Credentials.NONE,
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(5)), Duration.ofSeconds(2),
                Duration.ofSeconds(5), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker"));
    }
}
