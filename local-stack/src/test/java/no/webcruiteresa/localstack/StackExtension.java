package no.webcruiteresa.localstack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One embedded stack for a test class: started before its first test, closed after its last, and the process-wide
 * settings the functions read (system properties, the held clock) left as they were found.
 */
final class StackExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> properties;
    private final boolean pollQueues;
    private EmbeddedStack stack;

    private StackExtension(Map<String, String> properties, boolean pollQueues) {
        this.properties = Map.copyOf(properties);
        this.pollQueues = pollQueues;
    }

    /** The functions run only when a test invokes them, one step at a time. */
    static StackExtension invokedByTests() {
        return new StackExtension(Map.of(), false);
    }

    /** The functions run from their event sources, with these settings. */
    static StackExtension running(Map<String, String> properties) {
        return new StackExtension(properties, true);
    }

    EmbeddedStack stack() {
        return stack;
    }

    Pipeline pipeline() {
        return stack.pipeline();
    }

    /** Puts an object into the drop bucket. */
    void put(String key, byte[] content) {
        pipeline().s3().putObject(r -> r.bucket(pipeline().bucket()).key(key), RequestBody.fromBytes(content));
    }

    /** The drop bucket's keys under a prefix. */
    List<String> keys(String prefix) {
        return pipeline().s3().listObjectsV2Paginator(r -> r.bucket(pipeline().bucket()).prefix(prefix)).contents()
                .stream().map(S3Object::key).toList();
    }

    /** The quarantine report of a drop, as text. */
    String report(String xmlKey) {
        return pipeline().s3().getObjectAsBytes(r -> r.bucket(pipeline().bucket())
                .key("quarantine/" + xmlKey + ".report.json")).asString(StandardCharsets.UTF_8);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        properties.forEach(System::setProperty);
        stack = EmbeddedStack.start(EmbeddedStack.Options.forTests().withPollQueues(pollQueues));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        HeldClock.release();
        stack.close();
        Pipeline.systemProperties().forEach(System::clearProperty);
        properties.keySet().forEach(System::clearProperty);
    }
}
