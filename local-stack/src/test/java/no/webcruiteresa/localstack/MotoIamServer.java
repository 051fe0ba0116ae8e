package no.webcruiteresa.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * moto with IAM enforced ({@code scripts/moto_iam_server.py}) on a free loopback port: one IAM user per function
 * with exactly its policy, and the record of every request it denied. The harness key "local" is not authorised.
 */
final class MotoIamServer implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    private static final Path SCRIPT = Path.of("..", "scripts", "moto_iam_server.py");

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoIamServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** null when moto is not installed here (no moto_server on the PATH, or python3 cannot import it). */
    static MotoIamServer startIfInstalled() throws IOException, InterruptedException {
        if (!MotoServer.onPath("moto_server") || !MotoServer.onPath("python3")
                || new ProcessBuilder("python3", "-c", "import moto.server").start().waitFor() != 0) {
            return null;
        }
        int port = EmbeddedStack.freePort();
        Path log = Files.createTempFile("moto-iam", ".log");
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoIamServer server = new MotoIamServer(process, URI.create("http://127.0.0.1:" + port), log);
        MotoServer.awaitAnswer(process, log, "moto_iam_server.py", server.endpoint);
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    /** Creates the user if new and gives it exactly this policy (replacing the one it had). */
    AwsBasicCredentials user(String name, String policyJson) {
        String body = JsonMapper.builder().build().writeValueAsString(java.util.Map.of("user", name, "policy", policyJson));
        JsonNode answer = JsonMapper.builder().build().readTree(send(HttpRequest.newBuilder(endpoint.resolve("/_iam/user"))
                .POST(HttpRequest.BodyPublishers.ofString(body))));
        return AwsBasicCredentials.create(answer.path("accessKeyId").asString(), answer.path("secretAccessKey").asString());
    }

    /**
     * The next conditional put refused on this key deletes the object right after its 412: a lock its holder
     * released between the caller's put and the caller's next request.
     */
    void releaseAfterRefusal(String bucket, String key) {
        String body = JsonMapper.builder().build().writeValueAsString(java.util.Map.of("bucket", bucket, "key", key));
        send(HttpRequest.newBuilder(endpoint.resolve("/_iam/release-after-refusal"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The "bucket/key"s released after a refusal since the last call. */
    List<String> takeReleased() {
        String text = send(HttpRequest.newBuilder(endpoint.resolve("/_iam/released")).GET());
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    /** Every request denied since the last call, as "user-arn action resource". */
    List<String> takeDenials() {
        String text = send(HttpRequest.newBuilder(endpoint.resolve("/_iam/denials")).GET());
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        MotoServer.stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
