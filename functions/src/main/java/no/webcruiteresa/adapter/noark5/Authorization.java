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
 * 401. Never logs a secret or a token.
 */
final class Authorization {
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);

    private final Noark5Credentials credentials;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Supplier<URI> discoveredTokenUrl;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    Authorization(Noark5Credentials credentials, HttpClient client, ObjectMapper json, Supplier<URI> discoveredTokenUrl,
                  Duration timeout, Clock clock) {
        this.credentials = credentials;
        this.client = client;
        this.json = json;
        this.discoveredTokenUrl = discoveredTokenUrl;
        this.timeout = timeout;
        this.clock = clock;
    }

    synchronized Optional<String> header() {
        return switch (credentials.scheme()) {
            case NONE -> Optional.empty();
            case BASIC -> Optional.of("Basic " + base64(credentials.username() + ":" + credentials.password()));
            case OAUTH2_PASSWORD, OAUTH2_CLIENT_CREDENTIALS -> Optional.of("Bearer " + currentToken());
        };
    }

    /** After a 401: forget the token so the next call fetches a new one. @return whether a retry can help */
    synchronized boolean renew() {
        if (credentials.scheme() == Noark5Credentials.Scheme.NONE || credentials.scheme() == Noark5Credentials.Scheme.BASIC) {
            return false;
        }
        token = null;
        return true;
    }

    private String currentToken() {
        if (token == null || clock.instant().isAfter(expires.minus(EARLY_RENEWAL))) {
            fetchToken();
        }
        return token;
    }

    private void fetchToken() {
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
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
