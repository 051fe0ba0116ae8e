package no.webcruiteresa.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test user and an OAuth2 token endpoint (password and client-credentials grants) guarding the API, as the
 * reference server guards its own. Also accepts HTTP Basic with the user's password.
 */
public final class SimulatorAuth {
    /** The one user and client the simulator knows, and how long its tokens live. */
    public record TestUser(String username, String password, String clientId, String clientSecret,
                           Duration tokenLifetime) {
    }

    private final TestUser user;
    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    SimulatorAuth(TestUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.startsWith("Bearer ")) {
            Instant expires = tokens.get(header.substring(7).trim());
            return expires != null && clock.instant().isBefore(expires);
        }
        if (header.startsWith("Basic ")) {
            String[] pair = decodeBasic(header);
            return pair.length == 2 && pair[0].equals(user.username()) && pair[1].equals(user.password());
        }
        return false;
    }

    /** Every token issued so far stops working, as when a server restarts or tokens expire early. */
    void expireAll() {
        tokens.replaceAll((token, expires) -> Instant.MIN);
    }

    void discovery(HttpExchange exchange, String origin) throws IOException {
        discovery(exchange, origin, true);
    }

    /** @param tokenEndpoint false as the reference server: the token URL only as authorization_endpoint */
    void discovery(HttpExchange exchange, String origin, boolean tokenEndpoint) throws IOException {
        if (!tokenEndpoint) {
            json(exchange, 200, "{\"issuer\":\"" + origin + "\",\"authorization_endpoint\":\"" + origin
                    + "/oauth2/token\"}");
            return;
        }
        json(exchange, 200, "{\"issuer\":\"" + origin + "\",\"token_endpoint\":\"" + origin + "/oauth2/token\","
                + "\"grant_types_supported\":[\"password\",\"client_credentials\"]}");
    }

    void token(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            json(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] client = exchange.getRequestHeaders().containsKey("Authorization")
                ? decodeBasic(exchange.getRequestHeaders().getFirst("Authorization"))
                : new String[] {form.getOrDefault("client_id", ""), form.getOrDefault("client_secret", "")};
        boolean clientOk = client.length == 2 && client[0].equals(user.clientId()) && client[1].equals(user.clientSecret());
        boolean granted = switch (form.getOrDefault("grant_type", "")) {
            case "password" -> clientOk && user.username().equals(form.get("username"))
                    && user.password().equals(form.get("password"));
            case "client_credentials" -> clientOk;
            default -> false;
        };
        if (!granted) {
            json(exchange, 401, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, clock.instant().plus(user.tokenLifetime()));
        json(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + user.tokenLifetime().toSeconds() + "}");
    }

    private static String[] decodeBasic(String header) {
        try {
            return new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
        } catch (IllegalArgumentException e) {
            return new String[0];
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
