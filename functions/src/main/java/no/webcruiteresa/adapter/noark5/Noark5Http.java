package no.webcruiteresa.adapter.noark5;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.webcruiteresa.application.port.ArchiveRejectedException;
import no.webcruiteresa.application.port.ArchiveUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP in the Noark 5 media type, with the archive's answers translated to the port's exceptions. */
final class Noark5Http {
    static final String MEDIA_TYPE = "application/vnd.noark5+json";
    private static final int MAX_ERROR_CHARS = 500;
    private static final int MAX_PAGES = 1000;

    private final HttpClient client;
    private final Noark5Settings settings;
    private final ObjectMapper json = JsonMapper.builder().build();

    Noark5Http(Noark5Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode get(URI uri) {
        return send(request(uri).GET().build());
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
        return send(request(uri).header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Streams the file: memory use does not grow with its size. */
    JsonNode upload(URI uri, String contentType, long size, Supplier<InputStream> file) {
        HttpRequest request = request(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(file), size))
                .build();
        return send(request);
    }

    /** An OData {@code $filter} appended to a list link the server gave us. */
    static URI filtered(String listHref, String field, String value) {
        String filter = field + " eq '" + value.replace("'", "''") + "'";
        String separator = listHref.contains("?") ? "&" : "?";
        return URI.create(listHref + separator + "$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", MEDIA_TYPE);
        if (settings.basicAuth()) {
            String credentials = settings.username() + ":" + settings.password();
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ArchiveUnavailableException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailableException("interrupted calling the archive", e);
        }
        int status = response.statusCode();
        String where = request.method() + " " + request.uri().getPath() + " -> " + status;
        if (status == 429 || status >= 500) {
            throw new ArchiveUnavailableException(where + ": " + excerpt(response.body()), null);
        }
        if (status >= 400) {
            throw new ArchiveRejectedException(status, where + ": " + excerpt(response.body()));
        }
        JsonNode body = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        // Some servers report query errors with HTTP 200 and an error body.
        Optional<JsonNode> error = body.optional("error").or(() -> body.optional("feilmelding"));
        if (error.isPresent() && !body.has("_links")) {
            throw new ArchiveRejectedException(status, where + ": " + excerpt(response.body()));
        }
        return body;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
    }
}
