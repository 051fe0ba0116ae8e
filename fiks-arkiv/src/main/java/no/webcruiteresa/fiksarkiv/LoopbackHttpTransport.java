package no.webcruiteresa.fiksarkiv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The local transport: packages go by HTTP POST to a Fiks Arkiv receiver (the archive simulator's), answers are
 * fetched by polling for the message id. It stands in for Fiks IO in tests and the local stack; the package is
 * spooled to a temporary file, so a large file is never held in memory.
 */
public final class LoopbackHttpTransport implements FiksArkivTransport {
    public static final String TYPE_HEADER = "X-Fiks-Meldingstype";
    public static final String ID_HEADER = "X-Fiks-MeldingId";
    private static final Duration POLL = Duration.ofMillis(25);

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;

    /** @param base the receiver's root, e.g. http://127.0.0.1:8080/fiks-arkiv/ */
    public LoopbackHttpTransport(URI base, Duration connectTimeout, Duration requestTimeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void send(OutgoingMessage message) {
        Path spool = null;
        try {
            spool = Files.createTempFile("fiks-arkiv-", ".asice");
            try (OutputStream out = Files.newOutputStream(spool)) {
                Asice.write(out, message.content());
            }
            HttpRequest request = HttpRequest.newBuilder(base.resolve("meldinger"))
                    .timeout(requestTimeout)
                    .header(TYPE_HEADER, message.type())
                    .header(ID_HEADER, message.id().toString())
                    .header("Content-Type", Asice.MIME_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofFile(spool)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new TransportException("the receiver refused message " + message.id() + ": HTTP "
                        + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new TransportException("message " + message.id() + " not handed over: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while sending " + message.id(), e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a temporary file the JVM's temp cleaner removes later
                }
            }
        }
    }

    @Override
    public List<Reply> replies(UUID messageId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Reply> replies = List.of();
        while (true) {
            try {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("svar/" + messageId))
                        .timeout(requestTimeout).GET().build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 200) {
                        replies = ReplyBundle.read(messageId, body);
                    }
                }
            } catch (IOException e) {
                // the answers stay queued; try again until the wait is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return replies;
            }
            if (replies.stream().anyMatch(Reply::isFinal) || System.nanoTime() >= deadline) {
                return replies;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return replies;
            }
        }
    }
}
