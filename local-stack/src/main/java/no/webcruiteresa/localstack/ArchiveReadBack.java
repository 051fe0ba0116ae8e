package no.webcruiteresa.localstack;

import java.util.List;
import no.webcruiteresa.adapter.noark5.Noark5Archive;
import no.webcruiteresa.adapter.noark5.Noark5Settings;
import no.webcruiteresa.application.port.ArchivedEntry;

/**
 * What the archive confirms of a demo run, read back from it over its API (whatever server it is): the case,
 * the entries, and the documents whose checksum the archive reports equal to the dropped file's.
 */
public final class ArchiveReadBack {
    /** Counts, no personal data. */
    public record Confirmed(int cases, int entries, int documents, int documentsExpected) {
        public boolean complete(int entriesExpected) {
            return cases == 1 && entries == entriesExpected && documents == documentsExpected;
        }
    }

    private final Noark5Archive archive;

    public ArchiveReadBack(Noark5Settings settings) {
        this.archive = new Noark5Archive(settings);
    }

    /** The embedded simulator: open, on loopback. */
    public static Noark5Settings simulatorSettings(java.net.URI root) {
        return new Noark5Settings(root, no.webcruiteresa.adapter.noark5.Noark5Credentials.NONE,
                no.webcruiteresa.adapter.noark5.RetryPolicy.DEFAULT, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(30), "fmt/276", "PDF 1.7", "B", "Brev", "Personalsaker");
    }

    public Confirmed of(DemoDrops demo, List<DemoDrops.Drop> drops, String referencePrefix) {
        int cases = archive.findCase(referencePrefix + " " + demo.posting().caseNumber()).isPresent() ? 1 : 0;
        int entries = 0;
        int documents = 0;
        int expected = 0;
        for (DemoDrops.Drop drop : drops) {
            expected += drop.files().size();
            var entry = archive.findEntry(referencePrefix + " " + drop.document().documentId());
            if (entry.isEmpty()) {
                continue;
            }
            entries++;
            for (var file : drop.files().entrySet()) {
                String sha256 = DemoDrops.sha256(file.getValue());
                documents += entry.get().file(file.getKey()).map(ArchivedEntry.ArchivedFile::sha256)
                        .filter(sha256::equalsIgnoreCase).isPresent() ? 1 : 0;
            }
        }
        return new Confirmed(cases, entries, documents, expected);
    }
}
