package no.webcruiteresa.adapter.noark5;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchiveOutcomeUnknownException;
import no.webcruiteresa.application.port.ArchiveUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP in the Noark 5 media type: authorization, timeouts, retries of what is safe to repeat, and
 * the archive's answers translated to the port's exceptions.
 */
final class Noark5Http {
    private static final Logger LOG = Logger.getLogger(Noark5Http.class.getName());
    static final String MEDIA_TYPE = "application/vnd.noark5+json";
    private static final int MAX_ERROR_CHARS = 500;
    private static final int MAX_PAGES = 1000;

    private final HttpClient client;
    private final Noark5Settings settings;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Authorization authorization;
    private final CircuitBreaker breaker;

    Noark5Http(Noark5Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.authorization = new Authorization(settings.credentials(), client, json, this::discoverTokenUrl,
                settings.requestTimeout(), Clock.systemUTC());
        this.breaker = new CircuitBreaker(settings.retry(), Clock.systemUTC());
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), true);
    }

    /** Every member of a list, following the server's "next" links page by page. */
    List<JsonNode> list(URI uri) {
        List<JsonNode> all = new ArrayList<>();
        URI page = uri;
        for (int pages = 0; page != null; pages++) {
            if (pages > MAX_PAGES) {
                throw new ArchiveRejectedException(200, "GET " + uri.getPath() + ": more than " + MAX_PAGES + " pages");
            }
            JsonNode answer = get(page);
            all.addAll(Links.results(answer));
            page = Links.find(answer, "next").map(URI::create).orElse(null);
        }
        return all;
    }

    JsonNode post(URI uri, JsonNode body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return send(HttpRequest.newBuilder(uri).header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), false);
    }

    /** Streams the file: memory use does not grow with its size. A retry opens the file again. */
    JsonNode upload(URI uri, String contentType, long size, Supplier<InputStream> file) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(file), size)),
                false);
    }

    /** An OData {@code $filter} appended to a list link the server gave us. */
    static URI filtered(String listHref, String field, String value) {
        String filter = field + " eq '" + value.replace("'", "''") + "'";
        String separator = listHref.contains("?") ? "&" : "?";
        return URI.create(listHref + separator + "$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    /**
     * @param idempotent a read, safe to repeat after any transient failure; a write is repeated only when the
     *                   server cannot have acted on it (connection refused, 429, 503)
     */
    private JsonNode send(HttpRequest.Builder request, boolean idempotent) {
        breaker.before();
        try {
            JsonNode answer = sendWithRetries(request, idempotent);
            breaker.succeeded();
            return answer;
        } catch (ArchiveUnavailableException e) {
            breaker.failed();
            throw e;
        } catch (ArchiveRejectedException e) {
            breaker.succeeded();
            throw e;
        }
    }

    private JsonNode sendWithRetries(HttpRequest.Builder request, boolean idempotent) {
        request.timeout(settings.requestTimeout()).header("Accept", MEDIA_TYPE);
        boolean renewedAuthorization = false;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder attemptRequest = request.copy();
            authorization.header().ifPresent(value -> attemptRequest.setHeader("Authorization", value));
            HttpRequest built = attemptRequest.build();
            String where = built.method() + " " + built.uri().getPath();
            HttpResponse<byte[]> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if ((idempotent || notSent) && attempt < settings.retry().maxAttempts()) {
                    pause(where + " failed: " + e, attempt, null);
                    continue;
                }
                throw idempotent || notSent ? new ArchiveUnavailableException(where + " failed: " + e, e)
                        : new ArchiveOutcomeUnknownException(where + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArchiveUnavailableException("interrupted calling the archive", e);
            }
            int status = response.statusCode();
            String answer = where + " -> " + status + ": " + excerpt(response.body());
            if (status == 401 && !renewedAuthorization && authorization.renew()) {
                renewedAuthorization = true;
                continue;
            }
            boolean notActedOn = status == 429 || status == 503;
            if ((notActedOn || (idempotent && status >= 500)) && attempt < settings.retry().maxAttempts()) {
                pause(answer, attempt, retryAfter(response));
                continue;
            }
            if (status >= 500 && !notActedOn && !idempotent) {
                throw new ArchiveOutcomeUnknownException(answer, null);
            }
            if (status == 429 || status >= 500) {
                throw new ArchiveUnavailableException(answer, null);
            }
            if (status >= 400) {
                throw new ArchiveRejectedException(status, answer);
            }
            return body(response, where);
        }
    }

    private JsonNode body(HttpResponse<byte[]> response, String where) {
        JsonNode body = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        // Some servers report query errors with HTTP 200 and an error body.
        Optional<JsonNode> error = body.optional("error").or(() -> body.optional("feilmelding"));
        if (error.isPresent() && !body.has("_links")) {
            throw new ArchiveRejectedException(response.statusCode(), where + ": " + excerpt(response.body()));
        }
        return body;
    }

    private void pause(String why, int attempt, Duration retryAfter) {
        Duration delay = settings.retry().delay(attempt, retryAfter);
        LOG.info(() -> "archive call will be retried in " + delay.toMillis() + " ms (attempt " + attempt + "): " + why);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailableException("interrupted while waiting to retry", e);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** The token endpoint from the server's OpenID configuration, at its origin's well-known address. */
    private URI discoverTokenUrl() {
        URI discovery = settings.root().resolve("/.well-known/openid-configuration");
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(discovery).timeout(settings.requestTimeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String endpoint = response.statusCode() == 200
                    ? json.readTree(response.body()).path("token_endpoint").asString("") : "";
            if (endpoint.isBlank()) {
                throw new ArchiveRejectedException(response.statusCode(), "no token_endpoint at " + discovery
                        + "; configure the token URL");
            }
            return URI.create(endpoint);
        } catch (IOException e) {
            throw new ArchiveUnavailableException("OpenID discovery at " + discovery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailableException("interrupted during OpenID discovery", e);
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
    }
}
