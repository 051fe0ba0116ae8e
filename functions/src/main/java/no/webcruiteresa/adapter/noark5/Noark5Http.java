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
import java.util.Set;
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
    private static final int MAX_PAGES = 1000;
    private static final int PAGE = 10;

    /** Replaced before a SnapStart snapshot, so no connection is restored from it. */
    private volatile HttpClient client;
    private final Noark5Settings settings;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Authorization authorization;
    private final CircuitBreaker breaker;

    Noark5Http(Noark5Settings settings) {
        this(settings, CredentialsSource.fixed(settings.credentials()));
    }

    Noark5Http(Noark5Settings settings, CredentialsSource credentials) {
        this.settings = settings;
        this.client = newClient(settings);
        this.authorization = new Authorization(credentials, () -> client, json, this::discoverTokenUrl,
                settings.requestTimeout(), Clock.systemUTC());
        this.breaker = new CircuitBreaker(settings.retry(), Clock.systemUTC());
    }

    private static HttpClient newClient(Noark5Settings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Forgets the token and the cached credentials and leaves the open connections behind (SnapStart). */
    void forgetCredentialsAndConnections() {
        authorization.forget();
        client = newClient(settings);
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), true);
    }

    /**
     * Every member of a list, page by page. Follows the server's "next" links; where one is unusable (malformed,
     * or not found when followed) it pages itself with {@code $top}/{@code $skip}. Fails, never returns a short
     * list, when fewer members can be read than the server counted.
     */
    List<JsonNode> list(URI uri) {
        List<JsonNode> all = new ArrayList<>();
        long counted = -1;
        URI page = uri;
        for (int pages = 0; page != null; pages++) {
            if (pages > MAX_PAGES) {
                throw new ArchiveRejectedException(200, "GET " + uri.getPath() + ": more than " + MAX_PAGES + " pages");
            }
            JsonNode answer = getPage(page, uri, all.size());
            List<JsonNode> members = Links.results(answer);
            all.addAll(members);
            counted = Math.max(counted, answer.path("count").asLong(-1));
            Optional<URI> next = Links.find(answer, "next").flatMap(Noark5Http::usable);
            if (next.isPresent()) {
                page = next.get();
            } else if (!members.isEmpty()
                    && (Links.find(answer, "next").isPresent() || all.size() < counted)) {
                page = paged(uri, all.size());
            } else {
                page = null;
            }
        }
        if (all.size() < counted) {
            throw new ArchiveRejectedException(200, "GET " + uri.getPath() + ": read " + all.size() + " of the "
                    + counted + " members the archive counted");
        }
        return all;
    }

    private JsonNode getPage(URI page, URI list, int read) {
        try {
            return get(page);
        } catch (ArchiveRejectedException e) {
            if (e.status() != 404 || page.equals(list)) {
                throw e;
            }
            // A next link that leads nowhere: page from the list's own address instead.
            return get(paged(list, read));
        }
    }

    /** A next link that is an absolute URI with no path segment after a query-like '&amp;' (seen: …/&amp;$skip=10). */
    private static Optional<URI> usable(String href) {
        try {
            URI next = URI.create(href);
            return next.isAbsolute() && !next.getRawPath().contains("&") && !next.getRawPath().contains("$")
                    ? Optional.of(next) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The list's address with {@code $top}/{@code $skip} for the members after the first {@code skip}. Only a
     * filtered list can be paged so: servers ignore {@code $skip} (or refuse {@code $top}) without a filter.
     */
    static URI paged(URI list, int skip) {
        if (list.getRawQuery() == null || !list.getRawQuery().contains("$filter=")) {
            throw new ArchiveRejectedException(400, "GET " + list.getPath() + ": the archive's list cannot be read "
                    + "past its first page (its next link is unusable and only filtered lists can be paged)");
        }
        String href = list.toString().replaceAll("([?&])\\$(top|skip)=[0-9]*", "$1").replaceAll("[?&]+$", "");
        String separator = href.contains("?") ? "&" : "?";
        return URI.create(href + separator + "$top=" + PAGE + "&$skip=" + skip);
    }

    /** The reference server's partial update: an array of operations in the Noark 5 media type. */
    JsonNode patchOperations(URI uri, JsonNode operations) {
        byte[] bytes = json.writeValueAsBytes(operations);
        return send(patchRequest(uri, MEDIA_TYPE, bytes), false, ErrorAnswers.fieldNames(operations));
    }

    /** A partial update (JSON Merge Patch, RFC 7396), as tjenestegrensesnitt prescribes. */
    JsonNode patch(URI uri, JsonNode body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return send(patchRequest(uri, "application/merge-patch+json", bytes), false, ErrorAnswers.fieldNames(body));
    }

    JsonNode post(URI uri, JsonNode body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return send(HttpRequest.newBuilder(uri).header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), false, ErrorAnswers.fieldNames(body));
    }

    /** Streams the file: memory use does not grow with its size. A retry opens the file again. */
    JsonNode upload(URI uri, String contentType, long size, Supplier<InputStream> file) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(file), size)),
                false);
    }

    /**
     * Opens a stored file for reading (the dokumentobjekt's fil link), streamed: memory does not grow with its
     * size. One renewal of the authorization on a 401, as for every other call; no retry once bytes flow.
     */
    InputStream download(URI uri) {
        breaker.before();
        for (boolean renewed = false; ; renewed = true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET()
                    .header("Accept", "*/*");
            authorization.header().ifPresent(value -> request.setHeader("Authorization", value));
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                breaker.failed();
                throw new ArchiveUnavailableException("GET " + uri.getPath() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArchiveUnavailableException("interrupted calling the archive", e);
            }
            int status = response.statusCode();
            if (status == 401 && !renewed && authorization.renew()) {
                closeQuietly(response.body());
                continue;
            }
            if (status >= 400) {
                closeQuietly(response.body());
                String answer = "GET " + uri.getPath() + " -> " + status;
                if (status == 429 || status >= 500) {
                    breaker.failed();
                    throw new ArchiveUnavailableException(answer, null);
                }
                breaker.succeeded();
                throw new ArchiveRejectedException(status, answer);
            }
            breaker.succeeded();
            return response.body();
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing to keep from an error answer's body
        }
    }

    /**
     * The first member of a filtered list whose field really has the value: a server may answer a filter it
     * could not parse with other objects, or with the whole list.
     */
    Optional<JsonNode> findBy(String list, String field, String value) {
        return list(filtered(list, field, value)).stream()
                .filter(found -> value.equals(found.path(field).asString(null))).findFirst();
    }

    /** With put(), the one place a request gets a verb other than GET and POST: PATCH, never DELETE (an archive test checks). */
    private static HttpRequest.Builder patchRequest(URI uri, String contentType, byte[] body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body));
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
        return send(request, idempotent, Set.of());
    }

    /** @param sentFields the field names of the request body: the words of an error answer that may be logged */
    private JsonNode send(HttpRequest.Builder request, boolean idempotent, Set<String> sentFields) {
        return exchange(request, idempotent, sentFields).body();
    }

    /** An answer's body and its ETag (null when the server sent none). */
    record Answer(JsonNode body, String etag) {
    }

    /** The object and its ETag, for an update that must not overwrite someone else's change. */
    Answer getWithEtag(URI uri) {
        return exchange(HttpRequest.newBuilder(uri).GET(), true, Set.of());
    }

    /** A whole-object update (tjenestegrensesnitt: PUT with the ETag the object was read with). */
    JsonNode put(URI uri, JsonNode body, String etag) {
        byte[] bytes = json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", MEDIA_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (etag != null) {
            // HTTP names the version in If-Match; the reference server reads it from an ETag request header and
            // refuses a PUT without one (nikita 74e2535c). Both carry the same value.
            request.header("If-Match", etag).header("ETag", etag);
        }
        return send(request, false, ErrorAnswers.fieldNames(body));
    }

    private Answer exchange(HttpRequest.Builder request, boolean idempotent, Set<String> sentFields) {
        breaker.before();
        try {
            Answer answer = sendWithRetries(request, idempotent, sentFields);
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

    private Answer sendWithRetries(HttpRequest.Builder request, boolean idempotent, Set<String> sentFields) {
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
            // Status, error code and field names only: a server may echo the values it refused.
            String answer = where + " -> " + status + ": " + ErrorAnswers.summary(response.body(), sentFields);
            if (status == 401 && !renewedAuthorization && authorization.renew()) {
                renewedAuthorization = true;
                continue;
            }
            boolean notActedOn = status == 429 || status == 503;
            if ((notActedOn || (idempotent && status >= 500)) && attempt < settings.retry().maxAttempts()) {
                pause(answer, attempt, retryAfter(response));
                continue;
            }
            if (status == 501) {
                // Not implemented is the server's lasting answer, not an outage.
                throw new ArchiveRejectedException(status, answer);
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
            return new Answer(body(response, where, sentFields), response.headers().firstValue("ETag").orElse(null));
        }
    }

    private JsonNode body(HttpResponse<byte[]> response, String where, Set<String> sentFields) {
        JsonNode body = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        if (isError(body)) {
            // Some servers report errors with HTTP 200 and an error body: an error all the same, never "not found".
            int status = body.path("status").canConvertToInt() ? body.path("status").asInt() : 400;
            throw new ArchiveRejectedException(status, where + ": " + ErrorAnswers.summary(response.body(), sentFields));
        }
        return body;
    }

    /** An error answer in any of the shapes servers use, whatever the HTTP status it came with. */
    static boolean isError(JsonNode body) {
        if (body.has("_links") || body.has("results") || body.has("systemID")) {
            return false;
        }
        return body.has("error") || body.has("feilmelding")
                || (body.path("status").canConvertToInt() && body.path("status").asInt() >= 400);
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

    /**
     * The token endpoint, as tjenestegrensesnitt publishes it: the root's login links (OpenID Connect's
     * configuration, or a plain OAuth2 token endpoint), then OpenID configuration relative to the root, then at
     * the origin. A configured token URL is used before any of this (see {@link Authorization}).
     */
    private URI discoverTokenUrl() {
        JsonNode root = unauthenticated(settings.root(), MEDIA_TYPE).orElse(json.createObjectNode());
        Optional<String> oidc = Links.find(root, Relations.LOGIN_OIDC);
        Optional<String> oauth2 = Links.find(root, Relations.LOGIN_OAUTH2);
        List<URI> configurations = new ArrayList<>();
        oidc.map(settings.root()::resolve).ifPresent(configurations::add);
        if (oauth2.isPresent() && oidc.isEmpty()) {
            return settings.root().resolve(oauth2.get());
        }
        configurations.add(settings.root().resolve(".well-known/openid-configuration"));
        configurations.add(settings.root().resolve("/.well-known/openid-configuration"));
        for (URI configuration : configurations) {
            Optional<String> endpoint = unauthenticated(configuration, "application/json")
                    .map(c -> c.path("token_endpoint").asString("")).filter(e -> !e.isBlank());
            if (endpoint.isPresent()) {
                return URI.create(endpoint.get());
            }
        }
        return oauth2.map(settings.root()::resolve).orElseThrow(() -> new ArchiveRejectedException(404,
                "the archive publishes no token endpoint (no login link on its root, no OpenID configuration at "
                        + configurations + "); configure the token URL"));
    }

    /** A GET without credentials (the root and login discovery need none); empty unless it answers 200 JSON. */
    private Optional<JsonNode> unauthenticated(URI uri, String accept) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length == 0) {
                return Optional.empty();
            }
            return Optional.of(json.readTree(response.body()));
        } catch (tools.jackson.core.JacksonException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ArchiveUnavailableException("login discovery at " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailableException("interrupted during login discovery", e);
        }
    }
}
