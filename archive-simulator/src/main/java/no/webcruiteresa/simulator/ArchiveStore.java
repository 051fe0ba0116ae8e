package no.webcruiteresa.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated archive's contents: Noark 5 objects by systemID with their parent, numbering counters and
 * the uploaded files. In memory, or durable in a data directory (a JSON snapshot plus one file per upload).
 */
final class ArchiveStore {
    record Entity(EntityTypes type, String systemId, String parentId, ObjectNode data) {
    }

    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, byte[]> filesInMemory = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Path dataDir;
    private final Clock clock;

    ArchiveStore(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        if (dataDir != null && Files.exists(dataDir.resolve("archive.json"))) {
            load();
        }
    }

    ObjectMapper json() {
        return json;
    }

    synchronized Entity get(String systemId) {
        return entities.get(systemId);
    }

    synchronized List<Entity> all(EntityTypes type) {
        return entities.values().stream().filter(e -> e.type() == type).toList();
    }

    synchronized List<Entity> children(String parentId, EntityTypes type) {
        return entities.values().stream().filter(e -> e.type() == type && parentId.equals(e.parentId())).toList();
    }

    /** Adds an object, assigning systemID and the numbers the archive owns. */
    synchronized Entity create(EntityTypes type, String parentId, ObjectNode data) {
        String systemId = UUID.randomUUID().toString();
        data.put("systemID", systemId);
        data.put("opprettetDato", clock.instant().toString());
        data.put("opprettetAv", "webcruiter-esa");
        int year = LocalDate.now(clock.withZone(ZoneId.of("Europe/Oslo"))).getYear();
        switch (type) {
            case SAKSMAPPE -> {
                int sequence = next("saksmappe:" + year);
                data.put("saksaar", year).put("sakssekvensnummer", sequence).put("mappeID", year + "/" + sequence);
            }
            case JOURNALPOST -> {
                Entity saksmappe = entities.get(parentId);
                int number = next("journalpostnummer:" + parentId);
                data.put("journalaar", year).put("journalsekvensnummer", next("journalpost:" + year))
                        .put("journalpostnummer", number)
                        .put("registreringsID", saksmappe.data().path("mappeID").asString() + "-" + number)
                        .put("journaldato", clock.instant().toString());
            }
            case DOKUMENTBESKRIVELSE -> {
                if (!data.has("dokumentnummer")) {
                    data.put("dokumentnummer", children(parentId, EntityTypes.DOKUMENTBESKRIVELSE).size() + 1);
                }
                data.put("tilknyttetDato", clock.instant().toString());
            }
            default -> {
            }
        }
        Entity entity = new Entity(type, systemId, parentId, data);
        entities.put(systemId, entity);
        save();
        return entity;
    }

    synchronized boolean hasFile(String systemId) {
        return dataDir == null ? filesInMemory.containsKey(systemId) : Files.exists(filePath(systemId));
    }

    record ReceivedFile(String sha256, long size) {
    }

    /**
     * Stores a file from a stream without holding it in memory (when on disk), hashing it on the way.
     * @return null, storing nothing, when the stream's length is not {@code expectedLength}
     */
    ReceivedFile receiveFile(String systemId, java.io.InputStream in, long expectedLength) throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.security.DigestInputStream hashing = new java.security.DigestInputStream(in, digest);
        long size;
        if (dataDir == null) {
            byte[] content = hashing.readAllBytes();
            size = content.length;
            if (size == expectedLength) {
                synchronized (this) {
                    filesInMemory.put(systemId, content);
                }
            }
        } else {
            Path target = filePath(systemId);
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            try {
                size = Files.copy(hashing, temporary, StandardCopyOption.REPLACE_EXISTING);
                if (size == expectedLength) {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        if (size != expectedLength) {
            return null;
        }
        return new ReceivedFile(java.util.HexFormat.of().formatHex(digest.digest()), size);
    }

    synchronized void storeFile(String systemId, byte[] content) {
        if (dataDir == null) {
            filesInMemory.put(systemId, content);
        } else {
            write(filePath(systemId), content);
        }
        save();
    }

    synchronized byte[] file(String systemId) {
        if (dataDir == null) {
            return filesInMemory.get(systemId);
        }
        try {
            return Files.exists(filePath(systemId)) ? Files.readAllBytes(filePath(systemId)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the given fields of an object if {@code ifMatch} names its current version (or is null).
     * @return false when the object has changed since that version
     */
    synchronized boolean update(String systemId, String ifMatch, ObjectNode fields) {
        Entity entity = entities.get(systemId);
        int version = entity.data().path("_versjon").asInt(0);
        if (ifMatch != null && !ifMatch.equals("\"" + version + "\"")) {
            return false;
        }
        entity.data().setAll(fields);
        entity.data().put("_versjon", version + 1);
        save();
        return true;
    }

    /** The first bytes of an uploaded file (at most 1 KiB). */
    synchronized byte[] head(String systemId) {
        return slice(systemId, true);
    }

    /** The last bytes of an uploaded file (at most 1 KiB). */
    synchronized byte[] tail(String systemId) {
        return slice(systemId, false);
    }

    private byte[] slice(String systemId, boolean head) {
        int n = 1024;
        if (dataDir == null) {
            byte[] content = filesInMemory.getOrDefault(systemId, new byte[0]);
            int length = Math.min(n, content.length);
            return java.util.Arrays.copyOfRange(content, head ? 0 : content.length - length,
                    head ? length : content.length);
        }
        try (var file = java.nio.channels.FileChannel.open(filePath(systemId))) {
            long size = file.size();
            int length = (int) Math.min(n, size);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            file.read(buffer, head ? 0 : size - length);
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that a parser can open: the header at the start and the end-of-file marker in its last bytes. */
    static boolean looksLikeWholePdf(byte[] head, byte[] tail) {
        String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!start.startsWith("%PDF-")) {
            return true;
        }
        return new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    /** Persists a change made to an object's data in place. */
    synchronized void updated() {
        save();
    }

    private int next(String counter) {
        return counters.merge(counter, 1, Integer::sum);
    }

    private Path filePath(String systemId) {
        return dataDir.resolve("files").resolve(systemId);
    }

    private void save() {
        if (dataDir == null) {
            return;
        }
        ObjectNode snapshot = json.createObjectNode();
        ObjectNode numbers = snapshot.putObject("counters");
        counters.forEach(numbers::put);
        ArrayNode list = snapshot.putArray("entities");
        for (Entity e : entities.values()) {
            list.addObject().put("type", e.type().name()).put("parentId", e.parentId()).set("data", e.data());
        }
        write(dataDir.resolve("archive.json"), json.writeValueAsBytes(snapshot));
    }

    private void load() {
        try {
            JsonNode snapshot = json.readTree(Files.readAllBytes(dataDir.resolve("archive.json")));
            snapshot.path("counters").properties().forEach(e -> counters.put(e.getKey(), e.getValue().asInt()));
            for (JsonNode e : snapshot.path("entities")) {
                ObjectNode data = (ObjectNode) e.path("data");
                String parentId = e.path("parentId").isNull() ? null : e.path("parentId").asString(null);
                entities.put(data.path("systemID").asString(), new Entity(EntityTypes.valueOf(e.path("type").asString()),
                        data.path("systemID").asString(), parentId, data));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write to a temporary file and move it into place, so a crash never leaves half a snapshot. */
    private static void write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".write", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<Entity> snapshot() {
        return new ArrayList<>(entities.values());
    }
}
