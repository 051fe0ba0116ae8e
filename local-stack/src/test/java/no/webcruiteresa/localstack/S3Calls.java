package no.webcruiteresa.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Counts S3 requests by operation, and remembers every object a DeleteObjects request named. */
final class S3Calls implements ExecutionInterceptor {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<String> deletedKeys = new CopyOnWriteArrayList<>();
    private final boolean rememberKeys;

    S3Calls(boolean rememberKeys) {
        this.rememberKeys = rememberKeys;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = context.request().getClass().getSimpleName().replace("Request", "");
        counts.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        if (rememberKeys && context.request() instanceof DeleteObjectsRequest delete) {
            delete.delete().objects().stream().map(ObjectIdentifier::key).forEach(deletedKeys::add);
        }
    }

    long count(String operation) {
        AtomicLong count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    List<String> deletedKeys() {
        return deletedKeys;
    }

    void reset() {
        counts.clear();
        deletedKeys.clear();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
