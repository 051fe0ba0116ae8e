package no.webcruiteresa.localstack;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Each function's own access key, in one JVM that runs them all. The functions take their credentials from the
 * SDK's default chain, which reads the system properties {@code aws.accessKeyId} and {@code aws.secretAccessKey}
 * on every request; these answer per thread: a queue poller's thread ({@code poller-<function>-<n>}) or a thread
 * that {@link #as} marks (threads it starts inherit the mark) gets its function's key, any other thread the
 * harness key.
 */
final class FunctionCredentials extends Properties {
    private static final InheritableThreadLocal<String> INVOKING = new InheritableThreadLocal<>();
    private final transient Map<String, AwsBasicCredentials> keys = new ConcurrentHashMap<>();
    private final transient Properties replaced;

    private FunctionCredentials(Properties replaced) {
        this.replaced = replaced;
        putAll(replaced);
    }

    static FunctionCredentials install() {
        FunctionCredentials credentials = new FunctionCredentials(System.getProperties());
        System.setProperties(credentials);
        return credentials;
    }

    void uninstall() {
        Properties restored = new Properties();
        restored.putAll(this);
        replaced.clear();
        replaced.putAll(restored);
        System.setProperties(replaced);
    }

    void give(String definition, AwsBasicCredentials key) {
        keys.put(definition, key);
    }

    /** Runs a direct invocation (redrive, the sweep) with the function's key. */
    static <T> T as(String definition, Supplier<T> invocation) {
        String before = INVOKING.get();
        INVOKING.set(definition);
        try {
            return invocation.get();
        } finally {
            INVOKING.set(before);
        }
    }

    @Override
    public String getProperty(String key) {
        if (key.equals("aws.accessKeyId") || key.equals("aws.secretAccessKey")) {
            AwsBasicCredentials credentials = keys.get(String.valueOf(function()));
            if (credentials != null) {
                return key.equals("aws.accessKeyId") ? credentials.accessKeyId() : credentials.secretAccessKey();
            }
        }
        return super.getProperty(key);
    }

    private static String function() {
        if (INVOKING.get() != null) {
            return INVOKING.get();
        }
        String name = Thread.currentThread().getName();
        return name.startsWith("poller-") ? name.substring("poller-".length(), name.lastIndexOf('-')) : null;
    }
}
