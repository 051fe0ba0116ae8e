package no.webcruiteresa.adapter.drop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import no.webcruiteresa.application.port.RetentionStore.Lookup;
import no.webcruiteresa.application.port.RetentionStore.StoredVersion;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One S3 request per object, a few at a time. An object that is gone (404) is left out of the answer; any other
 * failure is kept as an error code only (an exception message can echo the key, which may name a person).
 */
final class S3Lookups {
    private final ExecutorService pool;

    S3Lookups(ExecutorService pool) {
        this.pool = pool;
    }

    <T> Lookup<T> each(List<StoredVersion> items, Function<StoredVersion, T> request) {
        List<Future<T>> futures = new ArrayList<>(items.size());
        for (StoredVersion item : items) {
            futures.add(pool.submit(() -> request.apply(item)));
        }
        Map<StoredVersion, T> found = new HashMap<>();
        Map<StoredVersion, String> failed = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                found.put(items.get(i), futures.get(i).get());
            } catch (ExecutionException e) {
                if (!S3Missing.isMissing(e.getCause())) {
                    failed.put(items.get(i), errorCode(e.getCause()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(items.get(i), "Interrupted");
            }
        }
        return new Lookup<>(found, failed);
    }

    static String errorCode(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    void close() {
        pool.shutdownNow();
    }
}
