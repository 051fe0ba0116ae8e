package no.webcruiteresa.adapter.drop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.webcruiteresa.application.LogText;
import no.webcruiteresa.application.port.DropStore;
import no.webcruiteresa.domain.InvalidDropException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The drop area as one S3 bucket. */
public class S3DropStore implements DropStore {
    private final S3Client s3;
    private final String bucket;

    public S3DropStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key))) {
            if (in.response().contentLength() != null && in.response().contentLength() > maxBytes) {
                throw new InvalidDropException("xml", "is larger than the limit of " + maxBytes + " bytes");
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new InvalidDropException("xml", "is larger than the limit of " + maxBytes + " bytes");
            }
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + bucket + "/" + LogText.key(key), e);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        return describe(key).map(StoredObject::size);
    }

    @Override
    public Optional<StoredObject> describe(String key) {
        return S3Missing.unlessMissing(() -> s3.headObject(r -> r.bucket(bucket).key(key))).map(head ->
                new StoredObject(key, head.contentLength(), head.lastModified(),
                        FirstArrival.of(head.metadata(), head.lastModified())));
    }

    @Override
    public byte[] readPrefix(String key, int length) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key)
                .range("bytes=0-" + (length - 1)))) {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + bucket + "/" + LogText.key(key), e);
        }
    }

    /** Replaces the copy's metadata to carry the source's first arrival (S3 gives the copy a new LastModified). */
    @Override
    public void copy(String fromKey, String toKey) {
        var head = s3.headObject(r -> r.bucket(bucket).key(fromKey));
        Map<String, String> metadata = new HashMap<>(head.metadata());
        metadata.put(FirstArrival.METADATA, FirstArrival.of(head.metadata(), head.lastModified()).toString());
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey)
                .metadataDirective(MetadataDirective.REPLACE).metadata(metadata).contentType(head.contentType()));
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        write(key, content, contentType, null);
    }

    @Override
    public void write(String key, byte[] content, String contentType, Instant firstArrival) {
        Map<String, String> metadata = firstArrival == null ? Map.of()
                : Map.of(FirstArrival.METADATA, firstArrival.toString());
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> objects = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            objects.add(new StoredObject(object.key(), object.size(), object.lastModified()));
        }
        return objects;
    }
}
