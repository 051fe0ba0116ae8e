package no.webcruiteresa.adapter.drop;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3's "no such object" in either form it takes (NoSuchKey, or a bare 404 for HEAD), as an empty answer. */
final class S3Missing {
    private S3Missing() {
    }

    static <T> Optional<T> unlessMissing(Supplier<T> request) {
        try {
            return Optional.of(request.get());
        } catch (S3Exception e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isMissing(Throwable e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }
}
