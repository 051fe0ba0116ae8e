package no.webcruiteresa.adapter.noark5;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchiveUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Authorization header for archive calls: HTTP Basic, or an OAuth2 bearer token (password or client
 * credentials grant) fetched when first needed, renewed before it expires and again when the archive answers
 * 401, when the credentials are read again too (a rotated secret). Never logs a secret or a token.
 */
final class Authorization {
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);

    private final CredentialsSource source;
    private final Supplier<HttpClient> client;
    private final ObjectMapper json;
    private final Supplier<URI> discoveredTokenUrl;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;
    /** The credentials the token was granted to: rotated credentials get a token of their own. */
    private Noark5Credentials tokenCredentials;

    Authorization(CredentialsSource source, Supplier<HttpClient> client, ObjectMapper json,
                  Supplier<URI> discoveredTokenUrl, Duration timeout, Clock clock) {
        this.source = source;
        this.client = client;
        this.json = json;
        this.discoveredTokenUrl = discoveredTokenUrl;
        this.timeout = timeout;
        this.clock = clock;
    }

    synchronized Optional<String> header() {
        Noark5Credentials credentials = source.current();
        return switch (credentials.scheme()) {
            case NONE -> Optional.empty();
            case BASIC -> Optional.of("Basic " + base64(credentials.username() + ":" + credentials.password()));
            case OAUTH2_PASSWORD, OAUTH2_CLIENT_CREDENTIALS -> Optional.of("Bearer " + tokenFor(credentials));
        };
    }

    /** A token endpoint that refuses cached credentials may have seen them rotated: read them again once. */
    private String tokenFor(Noark5Credentials credentials) {
        try {
            return currentToken(credentials);
        } catch (ArchiveRejectedException refused) {
            if (!source.reread()) {
                throw refused;
            }
            return currentToken(source.current());
        }
    }

    /**
     * After a 401: forget the token and read the credentials again (they may have been rotated), so the next call
     * uses new ones. @return whether a retry can help
     */
    synchronized boolean renew() {
        Noark5Credentials.Scheme scheme = source.current().scheme();
        if (scheme == Noark5Credentials.Scheme.NONE) {
            return false;
        }
        token = null;
        boolean changed = source.reread();
        return scheme != Noark5Credentials.Scheme.BASIC || changed;
    }

    /** Drops the token and the cached credentials (before a SnapStart snapshot). */
    synchronized void forget() {
        token = null;
        tokenCredentials = null;
        expires = Instant.MIN;
        source.forget();
    }

    private String currentToken(Noark5Credentials credentials) {
        if (token == null || !credentials.equals(tokenCredentials)
                || clock.instant().isAfter(expires.minus(EARLY_RENEWAL))) {
            fetchToken(credentials);
        }
        return token;
    }

    private void fetchToken(Noark5Credentials credentials) {
        Map<String, String> form = new LinkedHashMap<>();
        if (credentials.scheme() == Noark5Credentials.Scheme.OAUTH2_PASSWORD) {
            form.put("grant_type", "password");
            form.put("username", credentials.username());
            form.put("password", credentials.password());
        } else {
            form.put("grant_type", "client_credentials");
        }
        if (credentials.scope() != null && !credentials.scope().isBlank()) {
            form.put("scope", credentials.scope());
        }
        URI tokenUrl = credentials.tokenUrl() != null ? credentials.tokenUrl() : discoveredTokenUrl.get();
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))));
        if (credentials.clientId() != null && !credentials.clientId().isBlank()) {
            request.header("Authorization", "Basic " + base64(credentials.clientId() + ":"
                    + (credentials.clientSecret() == null ? "" : credentials.clientSecret())));
        }
        HttpResponse<byte[]> response;
        try {
            response = client.get().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ArchiveUnavailableException("token request to " + tokenUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailableException("interrupted fetching a token", e);
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new ArchiveUnavailableException("token endpoint answered " + response.statusCode(), null);
        }
        if (response.statusCode() != 200) {
            // The body of a refused token request may echo the request; report the status only.
            throw new ArchiveRejectedException(response.statusCode(),
                    "token endpoint " + tokenUrl + " refused the credentials of " + credentials);
        }
        JsonNode answer = json.readTree(response.body());
        token = answer.path("access_token").asString("");
        if (token.isBlank()) {
            throw new ArchiveRejectedException(200, "token endpoint " + tokenUrl + " returned no access_token");
        }
        expires = clock.instant().plusSeconds(answer.path("expires_in").asLong(300));
        tokenCredentials = credentials;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
