package no.webcruiteresa.application.port;

import java.util.List;
import java.util.Optional;
import no.webcruiteresa.domain.DocumentDrop;

/**
 * Every drop the bucket holds or held: the current objects and, in a versioned bucket, the versions an archived
 * drop's removal left behind until the retention period ends.
 */
public interface DropHistory {
    /** The keys of every drop XML, current or removed, outside the integration's own prefixes; each once. */
    List<String> xmlKeys();

    /** The drop under this key, from its newest readable version; empty when none can be read. */
    Optional<DocumentDrop> read(String xmlKey);
}
