package no.webcruiteresa.application.port;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The drop area where WebCruiter leaves its XML and PDFs (an S3 bucket in production). */
public interface DropStore {
    /** The object's bytes, or empty when it is gone; refuses objects larger than {@code maxBytes}. */
    Optional<byte[]> read(String key, long maxBytes);

    /** The object's size, or empty when it is gone. */
    Optional<Long> size(String key);

    /** Size and last modification of the object, or empty when it is gone. */
    Optional<StoredObject> describe(String key);

    /** The object's first {@code length} bytes (fewer if it is shorter). */
    byte[] readPrefix(String key, int length);

    /** Copies the object; the copy keeps the original's first arrival (retention counts from it, not the copy). */
    void copy(String fromKey, String toKey);

    void write(String key, byte[] content, String contentType);

    /**
     * Writes an object that records data first received at {@code firstArrival} (a report on a drop, a parked
     * message), so retention counts from then; null: the data arrives now.
     */
    void write(String key, byte[] content, String contentType, Instant firstArrival);

    InputStream open(String key);

    /** Deleting what is already gone is not an error. */
    void delete(String key);

    /** Every object under the prefix, oldest first is not promised. */
    List<StoredObject> list(String prefix);

    /**
     * @param firstArrival when the data first reached the integration; a copy (quarantine, redrive) has a newer
     *                     {@code lastModified} but keeps this. Equal to {@code lastModified} where not known.
     */
    record StoredObject(String key, long size, Instant lastModified, Instant firstArrival) {
        public StoredObject(String key, long size, Instant lastModified) {
            this(key, size, lastModified, lastModified);
        }
    }
}
