package no.webcruiteresa.adapter.drop;

import java.time.Clock;
import java.time.Duration;
import no.webcruiteresa.application.port.CreationLocks;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Locks as objects written with S3's conditional put ({@code If-None-Match: *}): exactly one writer can create a
 * given key. The objects hold no personal data (a name like {@code case/240117} and a time).
 */
public class S3CreationLocks implements CreationLocks {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Clock clock;

    public S3CreationLocks(S3Client s3, String bucket, String prefix, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String name, Duration staleAfter) {
        String key = prefix + name;
        if (put(key)) {
            return true;
        }
        try {
            var head = s3.headObject(r -> r.bucket(bucket).key(key));
            if (head.lastModified().plus(staleAfter).isBefore(clock.instant())) {
                s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(head.eTag()));
                return put(key);
            }
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return put(key);
            }
            if (e.statusCode() != 412) {
                throw e;
            }
        }
        return false;
    }

    @Override
    public void release(String name) {
        s3.deleteObject(r -> r.bucket(bucket).key(prefix + name));
    }

    private boolean put(String key) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*").contentType("text/plain"),
                    RequestBody.fromString(clock.instant().toString()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }
}
