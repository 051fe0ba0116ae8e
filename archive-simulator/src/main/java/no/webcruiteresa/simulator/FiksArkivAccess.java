package no.webcruiteresa.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Fiks Arkiv receiver's window into the archive the REST side serves: the same store, the same fault
 * injection. Everything the receiver creates is shown by the REST API, the HTML view and {@link ArchiveContents}.
 */
public final class FiksArkivAccess {
    /** One stored object; {@code type} is the REST side's type name (saksmappe, journalpost ...). */
    public record Stored(String type, String systemId, String parentId, ObjectNode data) {
    }

    public record StoredFile(String sha256, long size) {
    }

    private final ArchiveStore store;
    private final Faults faults;

    FiksArkivAccess(ArchiveStore store, Faults faults) {
        this.store = store;
        this.faults = faults;
    }

    /** Held while one message is applied, so concurrent messages see each other's effects whole. */
    public Object lock() {
        return store;
    }

    public ObjectMapper json() {
        return store.json();
    }

    public List<Stored> all(String type) {
        return store.all(type(type)).stream().map(FiksArkivAccess::stored).toList();
    }

    public List<Stored> children(String parentId, String type) {
        return store.children(parentId, type(type)).stream().map(FiksArkivAccess::stored).toList();
    }

    public Optional<Stored> get(String systemId) {
        return Optional.ofNullable(store.get(systemId)).map(FiksArkivAccess::stored);
    }

    public Stored create(String type, String parentId, ObjectNode data) {
        return stored(store.create(type(type), parentId, data));
    }

    /** Stores a file streamed from the package; null when its length is not the declared one. */
    public StoredFile receiveFile(String systemId, InputStream in, long expectedLength) throws IOException {
        ArchiveStore.ReceivedFile file = store.receiveFile(systemId, in, expectedLength);
        return file == null ? null : new StoredFile(file.sha256(), file.size());
    }

    /** Persists changes made in place to a stored object's data. */
    public void updated() {
        store.updated();
    }

    public Optional<Integer> failure(String method, String path) {
        return faults.failure(method, path);
    }

    public Optional<Duration> stall(String method, String path) {
        Optional<Duration> stall = faults.stall(method, path);
        stall.ifPresent(s -> faults.stallServed());
        return stall;
    }

    /** FAIL_503, FAIL_500, SLOW or TIMEOUT when random faults are on and this request draws one. */
    public Optional<String> randomFault(String requestKey) {
        return faults.random() ? faults.randomAction(requestKey).map(Enum::name) : Optional.empty();
    }

    public Duration delay(String fault) {
        return faults.delay(Faults.Action.valueOf(fault));
    }

    private static EntityTypes type(String name) {
        for (EntityTypes type : EntityTypes.values()) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no such type " + name);
    }

    private static Stored stored(ArchiveStore.Entity entity) {
        return new Stored(entity.type().name, entity.systemId(), entity.parentId(), entity.data());
    }
}
