package no.webcruiteresa.localstack;

import java.util.List;
import java.util.stream.Collectors;
import no.webcruiteresa.simulator.ArchiveContents;

/** What the stack holds right now, in counts: safe to print, no personal data. */
public record StackReport(int cases, int entries, int documents, int xmlInBucket, int objectsInBucket,
                          String queueDepths, int deadLettered, int quarantined) {

    /** @param archive what the simulator holds; null when the stack archives into a real server */
    public static StackReport of(Pipeline stack, ArchiveContents archive) {
        List<String> keys = stack.s3().listObjectsV2Paginator(r -> r.bucket(stack.bucket())).contents().stream()
                .map(o -> o.key()).toList();
        String depths = stack.topology().queues().stream()
                .map(q -> q.logicalId() + "=" + stack.depth(q.logicalId()))
                .collect(Collectors.joining(" "));
        int deadLettered = stack.deadLettered();
        List<String> drops = keys.stream().filter(k -> !k.startsWith("quarantine/")).toList();
        int quarantined = (int) keys.stream().filter(k -> k.startsWith("quarantine/") && k.endsWith(".report.json"))
                .count();
        if (archive == null) {
            return new StackReport(-1, -1, -1, (int) drops.stream().filter(k -> k.endsWith(".xml")).count(),
                    drops.size(), depths, deadLettered, quarantined);
        }
        return new StackReport(archive.cases().size(), archive.entries().size(), archive.documents().size(),
                (int) drops.stream().filter(k -> k.endsWith(".xml")).count(), drops.size(), depths, deadLettered,
                quarantined);
    }

    public String progressLine() {
        if (cases < 0) {
            return String.format("archive: a real server (read it back there) | drop bucket: %d object(s), %d XML,"
                    + " %d quarantined | %s", objectsInBucket, xmlInBucket, quarantined, queueDepths);
        }
        return String.format("archive: %d case(s), %d entr%s, %d document(s) | drop bucket: %d object(s), %d XML,"
                        + " %d quarantined | %s", cases, entries, entries == 1 ? "y" : "ies", documents, objectsInBucket,
                xmlInBucket, quarantined, queueDepths);
    }
}
